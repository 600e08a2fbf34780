/** Main → renderer: menu commands and files to open (MenuCommand in api.ts). Its own file so the preload bundle stays free of zod. */
export const MENU_COMMAND_CHANNEL = 'menu:command';
