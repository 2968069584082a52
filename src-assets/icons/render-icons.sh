#!/usr/bin/env bash
# Renders the SVG marks in this folder to the PNG sizes, the Windows .ico and the macOS .icns that the
# packager and the desktop entries use, and copies the 16..256 px PNGs into each app's resources for the
# window icons. The outputs are committed; run this again after editing an SVG.
# Needs (Debian/Ubuntu): apt-get install librsvg2-bin imagemagick icnsutils
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null ||
    { echo "render-icons: '$tool' is missing; install librsvg2-bin imagemagick icnsutils" >&2; exit 1; }
done

sizes=(16 24 32 48 64 128 256 512)
ico_sizes=(16 24 32 48 64 128 256)
icns_sizes=(16 32 48 128 256 512) # the sizes png2icns knows
window_sizes=(16 24 32 48 64 128 256)

# render ID RESOURCE_DIR: ID.svg -> png/ID-N.png, ID.ico, ID.icns, RESOURCE_DIR/icon-N.png
render() {
  local id=$1 resources=$2 n pngs=()
  mkdir -p "$here/png" "$resources"
  for n in "${sizes[@]}"; do
    rsvg-convert -w "$n" -h "$n" "$here/$id.svg" -o "$here/png/$id-$n.png"
  done
  for n in "${ico_sizes[@]}"; do pngs+=("$here/png/$id-$n.png"); done
  # No time stamps in the outputs, so rendering an unchanged SVG changes nothing.
  convert "${pngs[@]}" +set date:create +set date:modify -define png:exclude-chunks=date,time "$here/$id.ico"
  pngs=()
  for n in "${icns_sizes[@]}"; do pngs+=("$here/png/$id-$n.png"); done
  png2icns "$here/$id.icns" "${pngs[@]}" >/dev/null
  for n in "${window_sizes[@]}"; do cp "$here/png/$id-$n.png" "$resources/icon-$n.png"; done
  echo "render-icons: $id done"
}

render natter-server "$root/server-fx/src/main/resources/org/natter/server/icons"
render natter "$root/client-fx/src/main/resources/org/natter/client/icons"
