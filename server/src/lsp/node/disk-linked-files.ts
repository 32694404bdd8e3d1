/**
 * The Node server's linked-file source: the task-definition files a `file:` workflow, appspec or service definition
 * links, read from the local disk (a service's family is looked up in its own folder and in the workspace index).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';
import { FamilyIndex, readDeployLinkedFiles } from '../../cli/deploy-linked-files';
import { readLinkedFiles, repositoryRoot } from '../../cli/workflow-files';
import { addLinkedFileSource, type LinkedFileSource } from '../workflow-diagnostics';

function pathOf(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export const diskLinkedFiles: LinkedFileSource = {
  handles: (uri) => /^file:/i.test(uri),
  read(uri, text) {
    const path = pathOf(uri);
    return path && repositoryRoot(path) ? readLinkedFiles(path, text) : undefined;
  },
  uriOf(workflowUri, rel) {
    const path = pathOf(workflowUri);
    const root = path && repositoryRoot(path);
    return root ? pathToFileURL(`${root === '/' ? '' : root}/${rel}`).href : undefined;
  },
  readDeploy(uri, text, context) {
    const path = pathOf(uri);
    if (!path) return undefined;
    // The folder beside the service, and the workspace index (a service in services/ runs a file in task-definitions/).
    const folder = new FamilyIndex();
    const families = {
      addDir: (dir: string) => folder.addDir(dir),
      get: (family: string) => [...new Set([...folder.get(family), ...(context.familyUris?.(family) ?? []).flatMap((u) => pathOf(u) ?? [])].map((p) => resolve(p)))],
    };
    return readDeployLinkedFiles(path, text, families, context.mapped);
  },
  uriOfDeploy(uri, rel) {
    const path = pathOf(uri);
    return path ? pathToFileURL(resolve(dirname(path), rel)).href : undefined;
  },
};

addLinkedFileSource(diskLinkedFiles);
