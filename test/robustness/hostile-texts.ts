/** Generated hostile documents, shared by hostile-inputs.test.ts and the timing table of `npm run fuzz -- --hostile`. */

const container = (extra: object = {}) => ({ name: 'web', image: 'nginx:1.27', memory: 512, essential: true, ...extra });
const task = (containers: unknown[], extra: object = {}) => ({ family: 'web', requiresCompatibilities: ['EC2'], ...extra, containerDefinitions: containers });
const many = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

/** A pretty-printed task definition of a bit over 10 MB (120,000 environment variables). */
export function tenMegabyteTask(): string {
  const env = many(120_000, (i) => ({ name: `VARIABLE_${i}`, value: `value-${i}` }));
  return JSON.stringify(task([container({ environment: env })]), null, 2);
}

export const HOSTILE = {
  numberArray: () => `[${many(100_000, (i) => i).join(',')}]`,
  emptyContainers: () => JSON.stringify(task(many(100_000, () => ({})))),
  duplicateEnvironment: () => JSON.stringify(task([container({ environment: many(100_000, () => ({ name: 'SAME', value: 'x' })) })])),
  duplicateContainers: () => JSON.stringify(task(many(100_000, () => ({ name: 'web', image: 'nginx:1.27' })))),
  nullLabels: () => JSON.stringify(task([container({ dockerLabels: Object.fromEntries(many(100_000, (i) => [`label${i}`, null])) })])),
  /** Every string the rules quote in messages is `size` characters long. */
  longValues: (size: number) => {
    const v = 'x'.repeat(size);
    return JSON.stringify({
      family: 'web',
      networkMode: v,
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 512, user: v, links: [v], dependsOn: [{ containerName: v, condition: 'START' }], [v]: 1 }],
    });
  },
  singleLine: () => JSON.stringify(task(many(20_000, (i) => container({ name: `c${i}` })))),
  /** 1 MB of bytes 0–255 read as latin1, NULs included. */
  binary: () => Buffer.from(many(1_000_000, (i) => (i * 7919 + 13) % 256)).toString('latin1'),
  deepObjects: () => '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
  deepArrays: () => '['.repeat(10_000) + ']'.repeat(10_000),
  invalidUtf8: () => Buffer.concat([Buffer.from('{"family": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('", "containerDefinitions": []}')]).toString('utf8'),
  notTaskDefinition: () => 'hello world, this is not JSON at all\n'.repeat(10_000),
  /** Terraform template syntax in bulk: 200,000 unclosed `${` in one string, and 40,000 directives. */
  unclosedInterpolations: () => '[{"name": "' + '${'.repeat(200_000) + '"}, x]',
  manyDirectives: () => '[' + '%{ if a }{"name": "a", "image": "b"},%{ endif }\n'.repeat(20_000) + ']',
};
