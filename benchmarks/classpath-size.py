#!/usr/bin/env python3
"""The runtime class path an application gets from camel-jira-q: the component jar and its runtime dependency tree
without optional dependencies (and all below them), as Maven gives it to a project that depends on the component.

Run from the repository root: python3 benchmarks/classpath-size.py
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

with tempfile.NamedTemporaryFile(suffix='.txt') as tree_file:
    subprocess.run(['mvn', '-B', '-q', '-pl', 'camel-jira-q-component', '-am', 'package', '-DskipTests'], check=True)
    subprocess.run(['mvn', '-B', '-q', '-pl', 'camel-jira-q-component', 'dependency:tree', '-Dscope=runtime',
                    '-DoutputFile=' + tree_file.name], check=True)
    lines = open(tree_file.name).read().splitlines()[1:]
kept, skip_below = [], None
for line in lines:
    prefix, coordinates = re.match(r'^([| \\+-]*)(\S+)', line).groups()
    depth = len(prefix) // 3
    if skip_below is not None and depth > skip_below:
        continue
    skip_below = None
    if '(optional)' in line:
        skip_below = depth
        continue
    group, artifact, _, version = coordinates.split(':')[:4]
    kept.append(os.path.join(os.path.expanduser('~/.m2/repository'), group.replace('.', '/'), artifact, version,
                             f'{artifact}-{version}.jar'))
kept += [jar for jar in glob.glob('camel-jira-q-component/target/camel-jira-q-*.jar') if 'tests' not in jar]
size = sum(os.path.getsize(jar) for jar in kept)
print(f'{len(kept)} jars, {size / 1048576:.1f} MB')
print('\n'.join(sorted(os.path.basename(jar) for jar in kept)), file=sys.stderr)
