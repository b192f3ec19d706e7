import { describe, it, expect, beforeAll } from '@jest/globals'
import {
  UNKNOWN,
  analyzeCommandLine,
  decodeAnsiC,
  loadShellParser,
  needsShellParser
} from '../../src/policy/shell.js'

// The parser is loaded on first use in the product (see loadShellParser); here, once up front.
beforeAll(loadShellParser)

const problems = (line: string) => analyzeCommandLine(line).problems

describe('analyzeCommandLine: the commands the shell will run', () => {
  const cases: [line: string, commands: string[]][] = [
    ['npm test', ['npm test']],
    [`'g'it "push"`, ['git push']],
    ['\\r\\m -rf x', ['rm -rf x']],
    [`g$'\\x69't push`, ['git push']],
    [`echo "a\\"b" 'it'\\''s' a\\ b`, [`echo a"b it's a b`]],
    ['echo "a\\qb"', ['echo a\\qb']],
    ['a; b && c || d | e |& f\ng', ['a', 'b', 'c', 'd', 'e', 'f', 'g']],
    ['(a; (b)) && { c; }', ['a', 'b', 'c']],
    ['if a; then b; elif c; then d; else e; fi', ['a', 'b', 'c', 'd', 'e']],
    ['while a; do b; done; until c; do d; done', ['a', 'b', 'c', 'd']],
    ['for x in 1 2; do b "$x"; done', [`b ${UNKNOWN}`]],
    ['case y in a|b) c;; *) d;; esac', ['c', 'd']],
    ['! a', ['a']],
    ['time a', ['a']],
    ['[[ -f x ]] && a', ['a']],
    ['FOO=1 BAR=two a', ['a']],
    ['env -i FOO=1 a b', ['env -i FOO=1 a b', 'a b']],
    ['nice -n 5 a', ['nice -n 5 a', 'a']],
    ['nohup a', ['nohup a', 'a']],
    ['command -v a', ['command -v a', 'a']],
    ['timeout --signal=KILL 5s a b', ['timeout --signal=KILL 5s a b', 'a b']],
    ['sudo -u bob a', ['sudo -u bob a', 'a']],
    ['xargs -n 1 a', ['xargs -n 1 a', `a ${UNKNOWN}`]],
    ['xargs -I {} a {} b', ['xargs -I {} a {} b', `a ${UNKNOWN} b`]],
    ['xargs', ['xargs', `echo ${UNKNOWN}`]],
    ['xargs grep -i x', ['xargs grep -i x', `grep -i x ${UNKNOWN}`]],
    [
      'find . -name x -exec a {} \\; -exec b {} +',
      ['find . -name x -exec a {} ; -exec b {} +', `a ${UNKNOWN}`, `b ${UNKNOWN}`]
    ],
    ['env timeout 5 a', ['env timeout 5 a', 'timeout 5 a', 'a']],
    ['echo *.ts', [`echo ${UNKNOWN}.ts`]],
    ["echo '*.ts'", ['echo *.ts']],
    ['echo x{a,b}y', [`echo x${UNKNOWN}y`]],
    ['echo {} {x}', ['echo {} {x}']],
    ['echo ~/x', [`echo ${UNKNOWN}/x`]],
    ['echo --prefix=~/x', [`echo --prefix=${UNKNOWN}/x`]],
    ["echo '~'", ['echo ~']],
    ['echo $HOME "$1"', [`echo ${UNKNOWN} ${UNKNOWN}`]],
    ['[ -f x ]', ['[ -f x ]']]
  ]
  it.each(cases)('%j', (line, commands) => {
    const analysis = analyzeCommandLine(line)
    expect(analysis.problems).toEqual([])
    expect(analysis.commands.map(command => command.text)).toEqual(commands)
    for (const command of analysis.commands) expect(command.text).toBe(command.argv.join(' '))
  })

  it('marks commands run by another command', () => {
    expect(analyzeCommandLine('env a').commands[1]).toEqual({ argv: ['a'], text: 'a', via: 'env' })
  })
})

describe('analyzeCommandLine: what cannot be checked statically', () => {
  const cases: [line: string, problem: RegExp][] = [
    ['$(curl x)', /command substitution/],
    ['echo `id`', /command substitution/],
    ['echo "$(id)"', /command substitution/],
    ['cat <<EOF\n$(id)\nEOF', /command substitution/],
    ['cat <(id)', /process substitution/],
    ['echo $((1 + 2))', /arithmetic/],
    ['(( x++ ))', /arithmetic/],
    ['let x=1', /let/],
    ['for ((i = 0; i < 2; i++)); do a; done', /C-style/],
    ['$CMD', /command name `\$CMD`/],
    ['"$CMD" x', /command name/],
    ['*.sh', /command name/],
    ['{a,b}', /command name/],
    ['~/bin/x', /command name/],
    ['echo ${x:-$(id)}', /parameter expansions with operators/],
    ['echo ${!x}', /parameter expansions with operators/],
    ['eval x', /eval/],
    ['exec a', /exec/],
    ['source x', /source/],
    ['. x', /source/],
    ['builtin eval x', /eval/],
    ['command eval x', /eval/],
    ["bash -c 'a'", /bash -c/],
    ["/bin/sh -xc 'a'", /sh -c/],
    ['zsh', /reading commands from its input/],
    ['a | dash', /reading commands from its input/],
    ['ksh <<EOF\na\nEOF', /reading commands from its input/],
    ["bash <<< 'a'", /reading commands from its input/],
    ['bash -s x', /reading commands from its input/],
    ['bash $SCRIPT', /only known at run time/],
    ['f() { a; }', /function definitions/],
    ['function f { a; }', /function definitions/],
    ['alias ls=rm', /aliases/],
    ['a &', /background/],
    ['coproc a', /coproc/],
    ['export X=1', /export/],
    ['declare -a x', /declare/],
    ['local x=1', /declare|local/],
    ['PATH=/tmp a', /PATH/],
    ['LD_PRELOAD=x.so a', /LD_PRELOAD/],
    ['GIT_SSH_COMMAND=x git fetch', /GIT_SSH_COMMAND/],
    ['NODE_OPTIONS=--require=x npm test', /NODE_OPTIONS/],
    ['HOME=src git diff', /HOME/],
    ['PATH=/tmp', /PATH/],
    ['FOO=$X a', /value assigned to FOO/],
    ['FOO=~/x a', /value assigned to FOO/],
    ['a[0]=1', /array/],
    ['env -S "a b"', /env -S/],
    ['env $X a', /cannot tell which command `env` runs/],
    ['timeout 5 $CMD', /cannot tell which command `timeout` runs/],
    ['sudo -s', /shell/],
    ['xargs -I {} {} x', /xargs/],
    ['find . -exec {} \\;', /find -exec/],
    ['find . -exec a {}', /without a complete command/],
    ['watch a', /watch/],
    ["printf -v 'a[$(id)]' x", /subscripts/],
    ["[[ 'a[$(id)]' -eq 1 ]]", /subscripts/],
    ['a > $OUT', /redirection target `\$OUT`/],
    ['a > *.txt', /redirection target/],
    ['cd src && a > x', /after `cd`/],
    ['echo "unterminated', /not valid Bash.*closing quote/],
    ['a ) b', /not valid Bash/],
    ['echo $"hello"', /translated/],
    ["echo $'\\c'", /escapes/]
  ]
  it.each(cases)('%j', (line, problem) => {
    const found = problems(line)
    expect(found.length).toBeGreaterThan(0)
    expect(found.join('\n')).toMatch(problem)
  })

  it('reports deep nesting instead of crashing, within a second', () => {
    for (const line of [
      '('.repeat(2000) + 'a' + ')'.repeat(2000),
      '( '.repeat(300) + 'a' + ' )'.repeat(300),
      '{ '.repeat(2000) + 'a; ' + '}'.repeat(2000),
      'if a; then '.repeat(600) + 'b' + '; fi'.repeat(600),
      'while a; do '.repeat(150) + 'b' + '; done'.repeat(150)
    ]) {
      const started = performance.now()
      expect(problems(line).join('\n')).toMatch(/nested too deeply/)
      expect(performance.now() - started).toBeLessThan(10_000)
    }
  })

  it('analyses long chains and elif ladders quickly', () => {
    for (const line of [
      Array.from({ length: 2400 }, () => 'a').join(' | '),
      Array.from({ length: 1900 }, () => 'a').join(' && '),
      'if a; then b; ' + 'elif a; then b; '.repeat(600) + 'fi'
    ]) {
      const started = performance.now()
      const analysis = analyzeCommandLine(line)
      expect(performance.now() - started).toBeLessThan(10_000)
      expect(analysis.problems).toEqual([])
      expect(analysis.commands.length).toBeGreaterThan(1000)
    }
  })

  it('rejects over-long lines and NUL bytes without parsing', () => {
    expect(problems('a'.repeat(10_001))).toEqual([
      'the command line is longer than 10000 characters'
    ])
    expect(problems('a\0b')).toEqual(['the command line contains a NUL byte'])
    expect(problems('a'.repeat(10_000))).toEqual([])
  })

  it('never throws on input that is not a string', () => {
    expect(analyzeCommandLine(42 as unknown as string).problems).toEqual([
      'the command is not a string'
    ])
  })
})

describe('analyzeCommandLine: redirections', () => {
  it('collects targets after quote removal, with descriptors', () => {
    const { redirects, problems: found } = analyzeCommandLine(
      `a > "out file" 2>>'log' &> x <in 3<&0 >&2 2>&1 >| y <> z >&- 4>/dev/null`
    )
    expect(found).toEqual([])
    expect(redirects).toEqual([
      { op: '>', target: 'out file' },
      { op: '>>', target: 'log', fd: '2' },
      { op: '&>', target: 'x' },
      { op: '<', target: 'in' },
      { op: '<&', target: '0', fd: '3' },
      { op: '>&', target: '2' },
      { op: '>&', target: '1', fd: '2' },
      { op: '>|', target: 'y' },
      { op: '<>', target: 'z' },
      { op: '>&', target: '-' },
      { op: '>', target: '/dev/null', fd: '4' }
    ])
  })

  it('collects redirections on compound commands and inside them', () => {
    const { redirects } = analyzeCommandLine('{ a > x; } > y; (b) 2> z')
    expect(redirects.map(redirect => redirect.target).sort()).toEqual(['x', 'y', 'z'])
  })

  it('treats here-documents and here-strings as data, not files', () => {
    const analysis = analyzeCommandLine("cat <<'EOF'\n$(id)\nEOF\ncat <<< 'x'")
    expect(analysis).toEqual({
      commands: [
        { argv: ['cat'], text: 'cat' },
        { argv: ['cat'], text: 'cat' }
      ],
      redirects: [],
      problems: [],
      forbidden: [],
      paths: []
    })
  })
})

describe('decodeAnsiC', () => {
  it("decodes the escapes of $'...'", () => {
    expect(decodeAnsiC('\\x67it\\t\\u00e9\\101\\n\\\\')).toBe('git\t\u00e9A\n\\')
    expect(decodeAnsiC('\\c')).toBeUndefined()
    expect(decodeAnsiC('\\0')).toBeUndefined()
  })
})

describe('analyzeCommandLine: recent lines', () => {
  it('answers a repeated line from memory, with a result nobody can change', () => {
    const first = analyzeCommandLine('npm test > src/out.txt')
    const again = analyzeCommandLine('npm test > src/out.txt')
    expect(again).toBe(first)
    expect(Object.isFrozen(first.commands[0]?.argv)).toBe(true)
    expect(() => first.problems.push('x')).toThrow(TypeError)
  })
})

describe('analyzeCommandLine: what programs do with their arguments', () => {
  it('matches git by its subcommand, keeping the words as written', () => {
    const analysis = analyzeCommandLine('git -C src --no-pager log -5')
    expect(analysis.problems).toEqual([])
    expect(analysis.commands).toEqual([
      { argv: ['git', 'log', '-5'], text: 'git log -5', written: 'git -C src --no-pager log -5' }
    ])
    expect(analysis.paths).toEqual([{ access: 'directory', target: 'src', source: 'git -C' }])
  })

  it('collects the files commands write or read', () => {
    const paths = (line: string) => analyzeCommandLine(line).paths.map(path => path.target)
    expect(paths('echo x | tee -a a.txt b.txt')).toEqual(['a.txt', 'b.txt'])
    expect(paths("sed -i.bak -e 's/a/b/' x.ts y.ts")).toEqual(['x.ts', 'y.ts'])
    expect(paths('find . -fprint list.txt')).toEqual(['list.txt'])
    expect(paths('git diff --output out.diff')).toEqual(['out.diff'])
    expect(paths('git diff --no-index a b')).toEqual(['a', 'b'])
    expect(problems('cd src && tee x')).toEqual([
      'redirections (and files named by `tee`, `sed -i`, `git -C`...) after `cd`, `pushd` or `popd` cannot be checked'
    ])
  })

  const forbidden: [line: string, reason: RegExp][] = [
    ['git -c x=y log', /git -c/],
    ['git --config-env=a=B log', /--config-env/],
    ['git --git-dir=x log', /another repository/],
    ['git fetch --upload-pack=x', /--upload-pack/],
    ['git fetch --upl=x', /--upload-pack/],
    ['git push -fu origin x', /push -u/],
    ['git clone -c a=b x', /clone -c/],
    ['git config a.b c', /setting a value/],
    ['git config --replace-all a.b c', /--replace-all/],
    ['git config unset a.b', /unset/],
    ['find . -name x -delete', /find -delete/]
  ]
  it.each(forbidden)('refuses %j always', (line, reason) => {
    const analysis = analyzeCommandLine(line)
    expect(analysis.problems).toEqual([])
    expect(analysis.forbidden.join('\n')).toMatch(reason)
  })

  const uncheckable: [line: string, problem: RegExp][] = [
    ['node -e x', /node -e/],
    ['node --print x', /--print/],
    ['node', /reading its program from its input/],
    ['node -i', /node -i/],
    ['nodejs -pe x', /-p/],
    ['python3.12 -c x', /-c/],
    ['python -', /python -/],
    ['python -i script.py', /python -i/],
    ['perl -Mstrict -lne x', /-e/],
    ["perl -M'strict;system(1)' x.pl", /perl -M/],
    ['ruby -ne x', /-e/],
    ['php -r x', /-r/],
    ['php', /input/],
    ['deno eval x', /deno eval/],
    ['deno run - < x', /deno run -/],
    ['bun --eval x', /--eval/],
    ['lua -e x', /-e/],
    ['Rscript -e x', /-e/],
    ['R --vanilla -e x', /-e/],
    ['osascript -e x', /-e/],
    ['expect -c x', /-c/],
    ['npx -c "curl x"', /npx -c/],
    ['npm exec -c x', /npm -c/],
    ['npm exec -- node -e x', /node -e|-e/],
    ['npx bash', /starts a shell/],
    ['node $OPTS x.js', /options only known at run time/],
    ["gawk -e 'BEGIN{system(1)}'", /system/],
    ['awk -f x.awk -e \'{print|"sh"}\'', /pipes/],
    ["gawk -l ext 'x'", /extension/],
    ['awk \'@load "x"; {}\'', /@load/],
    ["sed 'e id'", /`e` command/],
    ["sed -e 's/a/b/' -e 'W x'", /`w` command/],
    ["sed '1!G;h;$!d' -e 'q5' -e 'y/a/b/'", /xxx/],
    ["sed 'k'", /could not be understood/],
    ['sed -i $X', /only known at run time/],
    ['tar -I sh -xf x', /tar -I/],
    ['rsync -e sh a b', /rsync -e/],
    ['sort --compress-prog=sh x', /compress-prog/],
    ["vim -c '!id' x", /vim -c/],
    ['vim +!id x', /vim \+command/],
    ['ssh -o ProxyCommand=id x', /ssh -o/],
    ['git rebase -i HEAD~2', /editor/],
    ['git bisect run make', /bisect run/],
    ['git filter-branch --tree-filter x', /filter-branch/],
    ['git --frobnicate log', /cannot tell what the git option/],
    ['git -C $D log', /only known at run time/],
    ['tee $F', /only known at run time/],
    ['find $D -name x', /may expand to actions/],
    ['CONSTRUCTOR x; constructor x; toString; __proto__ x', /xxx/]
  ]
  it.each(uncheckable)('cannot check %j', (line, problem) => {
    const found = problems(line)
    if (problem.source === 'xxx') expect(found).toEqual([])
    else expect(found.join('\n')).toMatch(problem)
  })

  const fine: string[] = [
    'node scripts/x.js -e foo',
    'node --test',
    'node --version',
    'node --no-warnings --enable-source-maps dist/cli.js -p x',
    'node -r ./setup.js x.js',
    'python -m pytest -c pytest.ini',
    'python3 -W ignore script.py -c x',
    'python --version',
    'perl -w script.pl -e x',
    'ruby -I lib x.rb',
    'php -f x.php',
    'deno run --allow-read x.ts',
    'deno test',
    'bun run build',
    'bun test',
    'npx jest -c jest.config.js',
    'npm run lint -- -c x',
    'awk \'$1 == "a" || $2 == "b" { print $3 }\' x',
    "awk 'length($0) > 80' x",
    "sed -n '1,20p;/^#/d;s/a/b/g;s|x|y|2;$=' x",
    "sed -E 's/(a)\\/b/\\1/2' x",
    'tar -czf out.tgz src',
    'git config --get-regexp ^user',
    'git config --show-origin --list',
    'git config --file .gitmodules --get submodule.x.url',
    'git config get user.name',
    'git log --output-indicator-new=+ -p',
    'git push -f origin x'
  ]
  it.each(fine)('leaves %j to the rules', line => {
    const analysis = analyzeCommandLine(line)
    expect(analysis.problems).toEqual([])
    expect(analysis.forbidden).toEqual([])
  })
})

describe('analyzeCommandLine: plain lines without the parser', () => {
  // Lines of plain words are analysed without loading mvdan-sh; the answer must be the parser's.
  const plain = [
    'npm test',
    'git status',
    'git diff --stat',
    '  npm   run  build -- --watch  ',
    'npm\ttest',
    'git -C sub status',
    'git -c core.pager=cat log -n 5 --format=%H',
    'git config user.name x',
    'git push origin main',
    'git checkout -- .',
    'rm -rf dist',
    'cd src',
    'env FOO=1 npm test',
    'env -i PATH=/usr/bin a b',
    'sudo -u bob rm x',
    'timeout --signal=KILL 5s npm test',
    'xargs rm',
    'find . -name x -delete',
    'sed -i s/a/b/ file.txt',
    'tee out.txt',
    'python -c print',
    'node -e 1',
    'bash script.sh',
    'sh -c ls',
    'exec npm test',
    'eval ls',
    'source ./env.sh',
    '. ./env.sh',
    ': nothing',
    'command -v npm',
    'builtin cd x',
    'npm i @scope/pkg@1.2.3',
    'curl http://example.com:80/a,b',
    'kill %1',
    '-x',
    'x+y a=b',
    '2 a'
  ]
  it.each(plain)('%j', line => {
    expect(needsShellParser(line)).toBe(false)
    expect(analyzeCommandLine(line)).toEqual(analyzeCommandLine(line, { parse: true }))
  })

  const parsed = [
    '',
    '   ',
    'a=b npm test',
    'FOO+=1 a',
    'time npm test',
    'export FOO',
    'declare x',
    'local x',
    'let x',
    'function f',
    'coproc x',
    'if a',
    'for x',
    'npm test | tail',
    'npm test 2>&1',
    'echo ~',
    'echo *.ts',
    'echo a{b,c}',
    'echo $HOME',
    "echo 'x'",
    'echo "x"',
    'echo a\\ b',
    'a; b',
    'a\nb',
    'a & b',
    'a # comment',
    '! a',
    '[[ -f x ]]',
    'f() { a; }',
    'échO x'
  ]
  it.each(parsed)('%j needs the parser', line => {
    expect(needsShellParser(line)).toBe(true)
  })
})
