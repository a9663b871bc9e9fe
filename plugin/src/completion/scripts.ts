// `kubectl workload completion bash|zsh`: shell functions that complete the standalone
// `kubectl-workload` by asking its `__complete` command (Cobra's protocol, as kubectl's own
// `completion` scripts do). `kubectl workload <TAB>` needs none of this: kubectl ≥ 1.26 calls
// `kubectl_complete-workload` itself.

export const COMPLETION_SHELLS = ['bash', 'zsh'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

// Directive bits (protocol.ts): 1 error, 2 no space, 4 no file completion, 8 filter file extensions, 16 directories only.
const BASH = `# bash completion for kubectl-workload
# Load it in this shell: source <(kubectl workload completion bash)
_kubectl_workload() {
  local cur=\${COMP_WORDS[COMP_CWORD]} out directive line
  out=$(kubectl-workload __complete "\${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null) || return
  directive=\${out##*:}
  [[ $out == *$'\\n'* ]] && out=\${out%$'\\n'*} || out=
  COMPREPLY=()
  (( directive & 1 )) && return
  if (( directive & 8 )); then
    local ext filter=
    while IFS= read -r ext; do [[ -n $ext ]] && filter+="\${filter:+|}$ext"; done <<<"$out"
    COMPREPLY=($(compgen -f -X "!*.@($filter)" -- "$cur") $(compgen -d -- "$cur"))
    return
  fi
  if (( directive & 16 )); then COMPREPLY=($(compgen -d -- "$cur")); return; fi
  while IFS= read -r line; do
    line=\${line%%$'\\t'*}
    [[ -n $line && $line == "$cur"* ]] && COMPREPLY+=("$line")
  done <<<"$out"
  (( directive & 2 )) && compopt -o nospace
  (( \${#COMPREPLY[@]} == 0 && !(directive & 4) )) && compopt -o default
  return 0
}
complete -F _kubectl_workload kubectl-workload
`;

const ZSH = `#compdef kubectl-workload
# zsh completion for kubectl-workload
# Load it in this shell: source <(kubectl workload completion zsh)
_kubectl_workload() {
  local out directive line
  local -a lines described
  out=$(kubectl-workload __complete "\${(@)words[2,CURRENT-1]}" "\${words[CURRENT]}" 2>/dev/null) || return 1
  lines=("\${(@f)out}")
  directive=\${lines[-1]#:}
  lines=("\${(@)lines[1,-2]}")
  (( directive & 1 )) && return 1
  if (( directive & 8 )); then _files -g "*.(\${(j:|:)lines})"; return; fi
  if (( directive & 16 )); then _files -/; return; fi
  for line in "\${lines[@]}"; do
    if [[ $line == *$'\\t'* ]]; then described+=("\${\${line%%$'\\t'*}//:/\\\\:}:\${line#*$'\\t'}"); else described+=("\${line//:/\\\\:}"); fi
  done
  if (( \${#described} == 0 )); then (( directive & 4 )) || _files; return; fi
  if (( directive & 2 )); then _describe 'kubectl-workload' described -S ''; else _describe 'kubectl-workload' described; fi
}
if [[ $funcstack[1] == _kubectl_workload ]]; then _kubectl_workload "$@"; else compdef _kubectl_workload kubectl-workload; fi
`;

export function completionScript(shell: CompletionShell): string {
  return shell === 'bash' ? BASH : ZSH;
}
