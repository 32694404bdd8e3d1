import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'container-path-relative';
const task = (container: string, platform = '') =>
  `{\n  "family": "api",${platform}\n  "volumes": [{ "name": "v" }],\n  "containerDefinitions": [{ "name": "api", "image": "api:2.1", "memory": 512, ${container} }]\n}`;
const mount = (p: string) => `"mountPoints": [{ "sourceVolume": "v", "containerPath": ${p} }]`;
const LINUX = '\n  "runtimePlatform": { "operatingSystemFamily": "LINUX" },';
const WINDOWS = '\n  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },';

describe(ID, () => {
  it('reports a relative mount, tmpfs and device path on the value, as an error', () => {
    const ds = expectRanges(task(`${mount('⟦"data"⟧')}, "linuxParameters": { "tmpfs": [{ "containerPath": ⟦"tmp"⟧, "size": 8 }], "devices": [{ "hostPath": "/dev/fuse", "containerPath": ⟦"dev/fuse"⟧ }] }`), ID);
    assert.ok(ds.every((d) => d.severity === 'error'));
    assert.equal(ds[0].message, "containerPath 'data' is not an absolute path, so the container fails to start; use '/data'.");
  });

  it("fix prefixes '/' (a leading './' becomes '/') and silences the rule", () => {
    assert.equal(JSON.parse(applyFix(task(mount('"data"')), ID, 'Make it absolute')).containerDefinitions[0].mountPoints[0].containerPath, '/data');
    assert.equal(JSON.parse(applyFix(task(mount('"./cache"')), ID)).containerDefinitions[0].mountPoints[0].containerPath, '/cache');
    const [up] = only(task(mount('"../x"')), ID);
    assert.equal(up.diagnostic.fixes, undefined);
    assert.match(up.message, /write the full path from '\/'/);
  });

  it('Windows tasks take drive paths; a Linux task does not', () => {
    for (const p of ['C:\\\\data', 'c:/data', '/data']) assert.equal(only(task(mount(JSON.stringify(p.replace(/\\\\/g, '\\'))), WINDOWS), ID).length, 0, p);
    const [w] = only(task(mount('"data"'), WINDOWS), ID);
    assert.match(w.message, /use a drive path such as 'C:\\data'/);
    assert.equal(w.diagnostic.fixes, undefined);
    assert.equal(only(task(mount('"C:\\\\data"'), LINUX), ID).length, 1);
    assert.equal(only(task(mount('"C:\\\\data"')), ID).length, 0, 'OS not declared: a drive path may be right');
  });

  it('skips placeholders, a leading placeholder, empty and non-string values; works in container arrays', () => {
    for (const p of ['"${DATA_DIR}"', '"${dir}/cache"', '"{{ path }}"', '""', '42', 'null']) assert.equal(only(task(mount(p)), ID).length, 0, p);
    assert.equal(only(task(mount('"data/${x}"')), ID).length, 1);
    assert.equal(only(`[{ "name": "a", "image": "a:1", ${mount('"data"')} }]`, ID).length, 1);
  });
});
