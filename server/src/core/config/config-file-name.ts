/** The name of the project config file. A leaf module: the clients import it without pulling in the core. */
export const CONFIG_FILE_NAME = '.ecs-taskdef.json';
