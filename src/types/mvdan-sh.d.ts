declare module 'mvdan-sh'
