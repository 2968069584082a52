#!/usr/bin/env bash
# desktop.sh install|uninstall: adds Natter and Natter Server to a Linux desktop's applications menu, as XDG
# .desktop entries with hicolor icons that start the app images in dist/ (made by 'natter package' if missing).
# Run it as './natter install-desktop' and './natter uninstall-desktop'. Uninstall removes exactly the files the
# install wrote, which it lists in a manifest.
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true # a '&' in a path must stay a '&'

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
manifest=$data/natter/desktop-files

# id|Name|GenericName|Comment|Categories|WM_CLASS (the JavaFX Application class, which names the window)
entries=(
  "natter-server|Natter Server|Chat Server|Run a Natter chat server and see who is connected|Network;Chat;|org.natter.server.ui.ServerApp"
  "natter|Natter|Chat|Chat with the people on a Natter server|Network;Chat;InstantMessaging;|org.natter.client.ui.ClientApp"
)
sizes=(16 24 32 48 64 128 256 512)

say() { echo "natter: $*"; }
die() { echo "natter: $*" >&2; exit 1; }

# The Exec key quotes the program; inside quotes ", `, $ and \ take a backslash, which the .desktop string
# syntax doubles again; % is doubled for the field codes.
exec_quote() {
  local v=$1
  v=${v//\\/\\\\\\\\}
  v=${v//\"/\\\\\"}
  v=${v//\`/\\\\\`}
  v=${v//\$/\\\\\$}
  v=${v//%/%%}
  printf '"%s"' "$v"
}

# Menus and icon themes notice a changed folder. No cache files are written (a user-level icon cache that
# other installers do not update would hide their icons later).
refresh_menus() {
  local dir
  for dir in "$data/applications" "$data/icons/hicolor"; do
    [[ -d $dir ]] && touch "$dir"
  done
  # The URL scheme's handler is looked up in the desktop database, where there is one.
  if command -v update-desktop-database >/dev/null 2>&1 && [[ -d $data/applications ]]; then
    update-desktop-database "$data/applications" >/dev/null 2>&1 || true
  fi
  return 0
}

# install_file SOURCE TARGET: copies, and lists in the manifest the target and every folder made for it
# (folders end with a slash).
install_file() {
  local dir new=()
  dir=$(dirname "$2")
  while [[ ! -d $dir ]]; do new+=("$dir/"); dir=$(dirname "$dir"); done
  mkdir -p "$(dirname "$2")"
  ((${#new[@]} == 0)) || printf '%s\n' "${new[@]}" >>"$manifest"
  cp "$1" "$2"
  echo "$2" >>"$manifest"
}

install() {
  [[ $(uname -s) == Linux ]] || die "install-desktop is for Linux; on Windows and macOS use the app made by 'natter package'."
  local entry id name generic comment categories wm_class bin missing=0 n
  for entry in "${entries[@]}"; do
    id=${entry%%|*}
    [[ -x $root/dist/$id/bin/$id ]] || missing=1
  done
  if ((missing)); then
    say "making the app images first (natter package) ..."
    "$root/natter" package
  fi
  [[ -f $manifest ]] && uninstall quietly
  mkdir -p "$(dirname "$manifest")"
  : >"$manifest"
  local template tmp
  template=$(<"$here/natter.desktop.in")
  tmp=$(mktemp)
  trap 'rm -f "$tmp"' RETURN
  for entry in "${entries[@]}"; do
    IFS='|' read -r id name generic comment categories wm_class <<<"$entry"
    bin=$root/dist/$id/bin/$id
    if [[ ! -x $bin ]]; then
      say "skipping $name: dist/$id is not there (is it in this build yet?)"
      continue
    fi
    for n in "${sizes[@]}"; do
      install_file "$root/src-assets/icons/png/$id-$n.png" "$data/icons/hicolor/${n}x$n/apps/$id.png"
    done
    install_file "$root/src-assets/icons/$id.svg" "$data/icons/hicolor/scalable/apps/$id.svg"
    local text=$template
    text=${text//@NAME@/$name}
    text=${text//@GENERIC_NAME@/$generic}
    text=${text//@COMMENT@/$comment}
    if [[ $id == natter ]]; then
      # The chat client opens invite links: clicking natter://HOST:PORT/... starts it with the server filled in.
      text=${text//@EXEC@/$(exec_quote "$bin") %u}
      text+=$'\nMimeType=x-scheme-handler/natter;'
    else
      text=${text//@EXEC@/$(exec_quote "$bin")}
    fi
    text=${text//@TRY_EXEC@/$bin}
    text=${text//@ICON@/$id}
    text=${text//@CATEGORIES@/$categories}
    text=${text//@WM_CLASS@/$wm_class}
    printf '%s\n' "$text" >"$tmp"
    install_file "$tmp" "$data/applications/$id.desktop"
    say "installed $name: $data/applications/$id.desktop -> $bin"
  done
  refresh_menus
  say "the apps are in your applications menu; remove them with ./natter uninstall-desktop"
}

uninstall() {
  local quiet=${1:-} file count=0
  if [[ ! -f $manifest ]]; then
    [[ -n $quiet ]] || say "nothing to remove: install-desktop has not run for $data"
    return
  fi
  # Only what the install wrote, below the data directory: the files, then the folders it made, deepest
  # first and only when empty.
  while IFS= read -r file; do
    [[ $file == "$data"/* && $file != */ && -f $file ]] || continue
    rm -f "$file"
    count=$((count + 1))
  done <"$manifest"
  while IFS= read -r file; do
    [[ $file == "$data"/*/ ]] && rmdir "$file" 2>/dev/null || true
  done < <(grep '/$' "$manifest" | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2-)
  rm -f "$manifest"
  rmdir "$(dirname "$manifest")" 2>/dev/null || true
  refresh_menus
  [[ -n $quiet ]] || say "removed $count files"
}

case ${1:-} in
  install) install ;;
  uninstall) uninstall ;;
  *) echo "Usage: desktop.sh install|uninstall" >&2; exit 2 ;;
esac
