/**
 * Rules a converted subject (a CloudFormation resource, a Terraform resource) does not run: its text is not register
 * input JSON, so describe-only keys and JSON syntax are judged by the template's own reader. A leaf module: the
 * template and Terraform linters both import it, and importing it through either made a cycle.
 */
export const TEMPLATE_SKIPPED_RULES: ReadonlySet<string> = new Set(['read-only-property', 'json-syntax']);
