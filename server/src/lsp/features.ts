/** Registers the feature modules with the server (each feature: one file). */
export {};
