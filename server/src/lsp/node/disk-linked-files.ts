/**
 * The Node server's linked-file source: the task-definition files a `file:` workflow, appspec or service definition
 * links, read from the local disk (a service's family is looked up in its own folder).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';
import { readDeployLinkedFiles } from '../../cli/deploy-linked-files';
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
  readDeploy(uri, text) {
    const path = pathOf(uri);
    return path ? readDeployLinkedFiles(path, text) : undefined;
  },
  uriOfDeploy(uri, rel) {
    const path = pathOf(uri);
    return path ? pathToFileURL(resolve(dirname(path), rel)).href : undefined;
  },
};

addLinkedFileSource(diskLinkedFiles);
