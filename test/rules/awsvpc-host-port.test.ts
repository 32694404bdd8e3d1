import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'awsvpc-host-port';
const task = (top: string, mappings: string) =>
  `{\n  "family": "kibana",${top}\n  "containerDefinitions": [\n    { "name": "kibana", "image": "kibana:8.15.0", "memory": 512, "portMappings": [${mappings}] }\n  ]\n}`;
const AWSVPC = ' "networkMode": "awsvpc",';

describe(ID, () => {
  it('reports hostPort ≠ containerPort on the hostPort value', () => {
    const [d] = expectRanges(task(AWSVPC, '{ "hostPort": ⟦80⟧, "containerPort": 5601 }'), ID);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, 'In awsvpc mode the host port is the container port: hostPort 80 ≠ containerPort 5601; omit hostPort or set it to 5601.');
  });

  it('host mode, hostPort 0, and hostPort with a port range', () => {
    assert.match(only(task(' "networkMode": "host",', '{ "hostPort": 0, "containerPort": 53 }'), ID)[0].message, /^In host mode .* hostPort 0 ≠ containerPort 53/);
    assert.match(only(task(AWSVPC, '{ "hostPort": 9000, "containerPortRange": "9000-9010" }'), ID)[0].message, /containerPortRange .* hostPort 9000 cannot be combined/);
  });

  it('fixes: remove hostPort (preferred, keeps the one-line layout) or set it to containerPort', () => {
    const text = task(AWSVPC, '{ "hostPort": 80, "containerPort": 5601, "protocol": "tcp" }');
    const removed = applyFix(text, ID);
    assert.match(removed, /"portMappings": \[\{ "containerPort": 5601, "protocol": "tcp" \}\]/);
    const set = applyFix(text, ID, 'Set hostPort to 5601');
    assert.match(set, /"hostPort": 5601, "containerPort": 5601/);
  });

  it('Fargate defaults to awsvpc; bridge and unknown modes may remap', () => {
    assert.equal(only(task(' "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",', '{ "hostPort": 80, "containerPort": 8080 }'), ID).length, 1);
    assert.equal(only(task(' "networkMode": "bridge",', '{ "hostPort": 80, "containerPort": 8080 }'), ID).length, 0);
    assert.equal(only(task('', '{ "hostPort": 80, "containerPort": 8080 }'), ID).length, 0);
    assert.equal(only(task(' "networkMode": "${MODE}",', '{ "hostPort": 80, "containerPort": 8080 }'), ID).length, 0);
    assert.equal(only('[{ "name": "a", "image": "a:1", "portMappings": [{ "hostPort": 80, "containerPort": 8080 }] }]', ID).length, 0);
  });

  it('equal ports, numeric strings and placeholders are fine', () => {
    assert.equal(only(task(AWSVPC, '{ "hostPort": 8080, "containerPort": 8080 }, { "hostPort": "3000", "containerPort": 3000 }'), ID).length, 0);
    assert.equal(only(task(AWSVPC, '{ "hostPort": ${host_port}, "containerPort": 8080 }'), ID).length, 0);
    assert.equal(only(task(AWSVPC, '{ "hostPort": 80, "containerPort": "${PORT}" }'), ID).length, 0);
  });
});
