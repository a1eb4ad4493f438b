#!/usr/bin/env bash
# Rewrites references to simulator classes by their old package (org.jiraq.simulator.Foo) to the sub-package Foo
# now lives in (org.jiraq.simulator.<room>.Foo), in every module's src/ tree. Branches started before the simulator
# was split into sub-packages still import the old names: run this after merging one, then compile.
#
# The mapping is read from the simulator's sources, so the script stays right as classes move; it is idempotent.
# Import blocks that were sorted stay sorted; nothing else in a file changes.
#
# Usage: simulator/src/build/relocate-simulator-imports.sh [repository root]   (default: this checkout)
set -euo pipefail

root=$(cd "${1:-$(dirname "$0")/../../..}" && pwd)
sim_main="$root/simulator/src/main/java/org/jiraq/simulator"
[ -d "$sim_main" ] || { echo "no simulator sources under $root" >&2; exit 1; }

# old simple name -> new fully qualified name, one "Name new.package.Name" per line
mapping=$(
    cd "$sim_main"
    find . -mindepth 2 -name '*.java' ! -name package-info.java | sed -E 's|^\./||; s|\.java$||' | while read -r rel; do
        name=${rel##*/}
        # a class still in the root package keeps its name
        [ -e "$name.java" ] && continue
        echo "$name org.jiraq.simulator.${rel//\//.}"
    done
    # test-only endpoints that left the simulator for the component's tests
    echo "PagingTestEndpoints org.jiraq.camel.operation.PagingTestEndpoints"
)

files=$(cd "$root" && grep -rlE 'org\.jiraq\.simulator\.[A-Z]' --include='*.java' --include='*.adoc' --include='*.md' \
    --include='*.xml' --include='*.yaml' --include='*.yml' --include='*.properties' --include='*.kt' --include='*.groovy' \
    $(find . -path ./.git -prune -o -type d -name src -print | grep -v '/target/') 2>/dev/null || true)
[ -n "$files" ] || { echo "no old simulator references found"; exit 0; }

cd "$root"
MAPPING="$mapping" perl -i -e '
    my %to = map { split / / } split /\n/, $ENV{MAPPING};
    my $names = join "|", sort { length $b <=> length $a } keys %to;
    my $rx = qr/\borg\.jiraq\.simulator\.($names)\b/;
    local $/;
    while (my $text = <>) {
        my @lines = split /\n/, $text, -1;
        my (@runs, $start);
        # runs of consecutive non-static imports, so the ones that were sorted can be sorted again
        for my $i (0 .. $#lines + 1) {
            my $imp = $i <= $#lines && $lines[$i] =~ /^import (?!static )/;
            if ($imp && !defined $start) { $start = $i }
            elsif (!$imp && defined $start) { push @runs, [$start, $i - 1]; undef $start }
        }
        my @sorted = map { my @r = @lines[$_->[0] .. $_->[1]]; join("\n", @r) eq join("\n", sort @r) } @runs;
        my ($pkg) = $text =~ /^package ([\w.]+);/m;
        for (@lines) {
            next unless s/$rx/$to{$1}/g;
            # no import for a class that moved into the same package as this file
            $_ = undef if defined $pkg && /^import \Q$pkg\E\.[A-Z]\w*;$/;
        }
        # dropped imports leave their run one line shorter
        for my $i (reverse 0 .. $#lines) {
            next if defined $lines[$i];
            splice @lines, $i, 1;
            for (@runs) { $_->[0]-- if $_->[0] > $i; $_->[1]-- if $_->[1] >= $i }
        }
        for my $k (reverse 0 .. $#runs) {
            next unless $sorted[$k];
            my ($from, $upto) = @{ $runs[$k] };
            my %seen;
            my @r = grep { !$seen{$_}++ } sort @lines[$from .. $upto];
            splice @lines, $from, $upto - $from + 1, @r;
        }
        print join "\n", @lines;
        print STDERR "relocated: $ARGV\n" if join("\n", @lines) ne $text;
    }
' $files
