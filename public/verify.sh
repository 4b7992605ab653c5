#!/bin/sh
# verify.sh: is this copy of the site exactly a release signed by the municipality?
# For anyone without Node.js; needs minisign, sha256sum (or shasum on a Mac) and, for an address, curl.
#
#   sh verify.sh -P RWQ…the-public-key… https://kalix-info.example.org/
#   sh verify.sh -P RWQ…the-public-key… ./site          (an unpacked site.zip, a USB stick)
#
# Take the public key from the municipality's official channels, never from the site you check,
# and this script from a copy you trust (a fake site can serve a fake verify.sh too).
# It checks what `minisign -Vm SHA256SUMS && sha256sum -c SHA256SUMS` checks, and what they miss:
#   - the signature of SHA256SUMS (and of the comment with the release's time and file count);
#   - every file SHA256SUMS lists is there, with that SHA-256;
#   - SHA256SUMS lists as many files as the signed comment says (files:N);
#   - no file is there that SHA256SUMS does not list: in a folder, every file; on a web site, every
#     file of the site that a page links to (a server does not say what else it holds).
# Exit 0: genuine. 1: not (every differing file is named). 2: wrong use or a missing program.
set -u
LC_ALL=C
export LC_ALL

usage() {
  echo 'Usage: sh verify.sh -P PUBLIC_KEY | -p PUBLIC_KEY_FILE  URL | FOLDER' >&2
  echo 'Användning: sh verify.sh -P PUBLIK_NYCKEL | -p NYCKELFIL  ADRESS | MAPP' >&2
  exit 2
}

key=''
keyfile=''
while [ $# -gt 0 ]; do
  case $1 in
    -P) [ $# -ge 2 ] || usage; key=$2; shift 2 ;;
    -p) [ $# -ge 2 ] || usage; keyfile=$2; shift 2 ;;
    -*) usage ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] && [ -n "$key$keyfile" ] || usage
target=$1

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "verify.sh: the program $1 is needed (programmet $1 behövs)" >&2; exit 2; }
}
need minisign
if command -v sha256sum >/dev/null 2>&1; then sumtool='sha256sum'; else need shasum; sumtool='shasum -a 256'; fi

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM

bad=0
report() {
  printf '  %-9s %s\n' "$1" "$2"
  bad=1
}
verdict_not() {
  echo "NOT GENUINE / INTE ÄKTA: $1"
  exit 1
}

# awk functions: percent-encode a path for a URL (keeping / and what never needs it), and undo it.
# One awk for a whole list: a program per file would take minutes on a slow machine.
URLCODE='
  BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
  function enc(s,   out, i, c) {
    out = ""
    for (i = 1; i <= length(s); i++) { c = substr(s, i, 1); out = out (c ~ /[A-Za-z0-9._~\/-]/ ? c : sprintf("%%%02X", ord[c])) }
    return out
  }
  function hexval(h) { return index("0123456789abcdef", tolower(h)) - 1 }
  function dec(s,   out, i) {
    out = ""
    for (i = 1; i <= length(s); i++) {
      if (substr(s, i, 1) == "%" && substr(s, i + 1, 2) ~ /^[0-9a-fA-F][0-9a-fA-F]$/) { out = out sprintf("%c", hexval(substr(s, i + 1, 1)) * 16 + hexval(substr(s, i + 2, 1))); i += 2 }
      else out = out substr(s, i, 1)
    }
    return out
  }'

case $target in
  http://* | https://*)
    need curl
    base=${target%/}/
    site=$tmp/site
    mkdir "$site"
    fetch() { curl -fsSL --max-time 60 -H 'Cache-Control: no-cache' -o "$2" "$1"; }
    fetch "${base}SHA256SUMS" "$site/SHA256SUMS" && fetch "${base}SHA256SUMS.minisig" "$site/SHA256SUMS.minisig" ||
      verdict_not "$base has no signed release here (SHA256SUMS or SHA256SUMS.minisig cannot be fetched)."
    ;;
  *)
    [ -d "$target" ] || usage
    base=''
    site=$target
    [ -f "$site/SHA256SUMS" ] && [ -f "$site/SHA256SUMS.minisig" ] || verdict_not "$target has no SHA256SUMS and SHA256SUMS.minisig."
    ;;
esac

# 1. The signature, and the trusted comment it covers.
if [ -n "$key" ]; then set -- -P "$key"; else set -- -p "$keyfile"; fi
comment=$(minisign -Q -V -m "$site/SHA256SUMS" -x "$site/SHA256SUMS.minisig" "$@") ||
  verdict_not "the signature of SHA256SUMS does not match the key (signaturen stämmer inte med nyckeln)."
field() { printf '%s\n' "$comment" | tr '\t' '\n' | sed -n "s/^$1://p"; }
date=$(field date)
signed=$(field files)

# 2. The list: as many names as the signature says.
sed -e 's/^\\//' -e 's/^[0-9a-f]\{64\} [ *]//' "$site/SHA256SUMS" | sort > "$tmp/listed"
listed=$(grep -c '' "$tmp/listed")
[ -z "$signed" ] || [ "$signed" = "$listed" ] || report count "the signature says $signed files, SHA256SUMS lists $listed"

# 3. Every listed file, fetched from the site if need be, with its hash.
if [ -n "$base" ]; then
  awk -v base="$base" -v site="$site" "$URLCODE"'
    { name = $0; gsub(/[\\"]/, "\\\\&", name); printf "url = \"%s%s\"\noutput = \"%s/%s\"\n", base, enc($0), site, name }' "$tmp/listed" > "$tmp/curl.cfg"
  curl -sSL --fail --create-dirs -H 'Cache-Control: no-cache' --max-time 900 -K "$tmp/curl.cfg" 2>/dev/null
fi
(cd "$site" && $sumtool -c SHA256SUMS) > "$tmp/check" 2>/dev/null
while IFS= read -r line; do
  case $line in
    *': FAILED open or read') report missing "${line%: FAILED open or read}" ;;
    *': FAILED') report changed "${line%: FAILED}" ;;
  esac
done < "$tmp/check"

# 4. Files that are there but not in the list.
printf 'SHA256SUMS\nSHA256SUMS.minisig\n' >> "$tmp/listed"
sort -o "$tmp/listed" "$tmp/listed"
if [ -z "$base" ]; then
  (cd "$site" && find . -type f | sed 's|^\./||' | sort) > "$tmp/present"
  comm -23 "$tmp/present" "$tmp/listed" > "$tmp/unlisted"
else
  # What the pages link to (href, src, srcset, poster), as paths inside the site.
  origin=$(printf '%s' "$base" | sed 's|^\([a-z]*://[^/]*\).*|\1|')
  root=${base#"$origin"}
  (cd "$site" && find . -type f \( -name '*.html' -o -name '*.htm' \) -exec grep -o -i -E '(href|src|srcset|poster)="[^"]*"' /dev/null {} +) |
    awk -v origin="$origin" -v root="$root" "$URLCODE"'
    function resolve(link, page,   path, n, parts, i, out, k) {
      sub(/#.*/, "", link); sub(/\?.*/, "", link)
      if (link == "") return ""
      if (index(link, origin "/") == 1) link = substr(link, length(origin) + 1)
      else if (link ~ /^\/\//) return ""
      else if (link ~ /^[a-zA-Z][a-zA-Z0-9+.-]*:/) return ""
      if (link !~ /^\//) { path = root page; sub(/[^\/]*$/, "", path); link = path link }
      n = split(link, parts, "/"); k = 0
      for (i = 2; i <= n; i++) {
        if (parts[i] == ".") continue
        if (parts[i] == "..") { if (k > 0) k--; continue }
        out[++k] = parts[i]
      }
      path = "/"
      for (i = 1; i <= k; i++) path = path out[i] (i < k ? "/" : "")
      if (link ~ /\/\.\.?$/ && path !~ /\/$/) path = path "/"
      if (index(path, root) != 1) return ""
      path = substr(path, length(root) + 1)
      if (path == "" || path ~ /\/$/) path = path "index.html"
      return dec(path)
    }
    # Lines are ./page.html:attr="value".
    {
      i = index($0, ":"); page = substr($0, 3, i - 3); attr = substr($0, i + 1)
      value = attr; sub(/^[^"]*"/, "", value); sub(/"$/, "", value); sub(/=.*/, "", attr)
      if (tolower(attr) == "srcset") { n = split(value, c, ","); for (j = 1; j <= n; j++) { sub(/^ +/, "", c[j]); sub(/ .*/, "", c[j]); f = resolve(c[j], page); if (f != "") print f "\t" page } }
      else { f = resolve(value, page); if (f != "") print f "\t" page }
    }' > "$tmp/links"
  # Linked, not listed (a folder address counts as its index.html), and there: unlisted.
  awk -F '\t' -v base="$base" "$URLCODE"'
    NR == FNR { listed[$0] = 1; next }
    !($1 in listed) && !(($1 "/index.html") in listed) && !seen[$1]++ { print base enc($1) "\t" $1 "\t" $2 }' "$tmp/listed" "$tmp/links" |
    while IFS='	' read -r url file page; do
      curl -fsSL -o /dev/null --max-time 60 "$url" 2>/dev/null && echo "$file (linked from $page)"
    done > "$tmp/unlisted"
fi
while IFS= read -r name; do report unlisted "$name"; done < "$tmp/unlisted"

if [ "$bad" -eq 0 ]; then
  echo "GENUINE / ÄKTA: $target is the release of ${date:-?} ($listed files), signed with the key; every file matches."
  exit 0
fi
verdict_not "$target differs from the signed release of ${date:-?} (see above / se ovan)."
