/** The Node server's linked-file source: a `file:` workflow's task-definition files, read from the local disk. */
import { fileURLToPath, pathToFileURL } from 'node:url';
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
};

addLinkedFileSource(diskLinkedFiles);
