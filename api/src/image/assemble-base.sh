#!/usr/bin/env bash
# The container image's base, assembled without a container registry (`./mvnw -Pimage package`):
# one layer with
#   /opt/java   a Java runtime made by jlink from the JDK that runs the build (only the modules the
#               application uses, no debug symbols, no man pages),
#   the C library, libgcc and fontconfig with the DejaVu fonts from the build machine's Debian or
#               Ubuntu packages (apt-get download; Google's distroless images are made the same way),
#   /etc/passwd and /etc/group with the user the application runs as (65532, "nonroot"),
#   /data       the data directory, owned by that user (the image declares it a volume), and /tmp;
#   the health check (th.phatthana.api.HealthProbe: the image has no shell and no curl),
# written as a `docker save` archive that Jib takes as its base (tar://). Usage:
#   assemble-base.sh <output directory> <JDK home>
set -euo pipefail

out="$1"
jdk="$2"
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.jcmd,jdk.jfr,jdk.localedata,jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
# libc6 and libgcc-s1 for the JVM; fontconfig with one font family (and what they need) for
# java.awt.Font, which the PDF writer's Thai shaping uses: without fontconfig AWT cannot start its
# font manager ("Problem reading font data"), the reason Temurin's images carry it too.
packages="libc6 libgcc-s1 libfontconfig1 fontconfig-config fonts-dejavu-core libfreetype6 libexpat1 libpng16-16 zlib1g libbrotli1"

for tool in apt-get dpkg-deb tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "assemble-base.sh: $tool not found: the image's base is made from Debian or Ubuntu packages, on a Debian or Ubuntu machine" >&2; exit 1; }
done
[ "$(dpkg --print-architecture)" = amd64 ] || { echo "assemble-base.sh: only amd64 is supported" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/root" "$out/debs" "$out/archive"
root="$out/root"

"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --output "$root/opt/java"

(cd "$out/debs" && apt-get download $packages)
for deb in "$out"/debs/*.deb; do
  dpkg-deb -x "$deb" "$root"
done
rm -rf "$root/usr/share/doc" "$root/usr/share/lintian" "$root/usr/share/man" "$root/usr/share/info"

mkdir -p "$root/etc" "$root/data" "$root/tmp" "$root/proc" "$root/dev" "$root/sys"
cat > "$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
cat > "$root/etc/group" <<'EOF'
root:x:0:
nonroot:x:65532:
EOF
cat > "$root/etc/nsswitch.conf" <<'EOF'
passwd: files
group: files
hosts: files dns
EOF
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$root/etc/hosts"
mkdir -p "$root/home/nonroot"

# One layer, owned by root except the user's directories; times fixed so the same inputs give the same layer.
tar --create --file "$out/archive/layer.tar" --directory "$root" --sort=name --numeric-owner \
  --owner=0 --group=0 --mtime='2000-01-01 00:00:00Z' --exclude=./data --exclude=./home --exclude=./tmp .
tar --append --file "$out/archive/layer.tar" --directory "$root" --numeric-owner --no-recursion \
  --owner=65532 --group=65532 --mode=u=rwx,go= --mtime='2000-01-01 00:00:00Z' ./data ./home ./home/nonroot
tar --append --file "$out/archive/layer.tar" --directory "$root" --numeric-owner --no-recursion \
  --owner=0 --group=0 --mode=a=rwxt --mtime='2000-01-01 00:00:00Z' ./tmp

diff_id="sha256:$(sha256sum "$out/archive/layer.tar" | cut -d' ' -f1)"
cat > "$out/archive/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"2000-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],
  "Healthcheck":{"Test":["CMD","/opt/java/bin/java","-XX:TieredStopAtLevel=1","-Xshare:auto","-cp","/app/classes","th.phatthana.api.HealthProbe"],
   "Interval":30000000000,"Timeout":10000000000,"StartPeriod":120000000000,"Retries":3}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"2000-01-01T00:00:00Z","created_by":"api/src/image/assemble-base.sh: jlink ($("$jdk/bin/java" -version 2>&1 | head -n1 | tr -d '"')), $packages"}]}
EOF
cat > "$out/archive/manifest.json" <<'EOF'
[{"Config":"config.json","RepoTags":["phatthana-base:local"],"Layers":["layer.tar"]}]
EOF
tar --create --file "$out/base.tar" --directory "$out/archive" manifest.json config.json layer.tar
rm -rf "$out/archive"
echo "assemble-base.sh: $out/base.tar ($(du -h "$out/base.tar" | cut -f1)), Java runtime from $jdk, packages: $(cd "$out/debs" && ls | tr '\n' ' ')"
