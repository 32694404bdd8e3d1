/** Requests shared by the client and the server (the client imports only this file from the server). */
export const DOCUMENT_INFO_REQUEST = 'ecsTaskdef/documentInfo';

export interface DocumentInfo {
  linted: boolean;
  kind?: string;
  launchType?: string;
  templated?: boolean;
}
