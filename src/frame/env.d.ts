// Stylesheets imported by frame entry modules are bundled by Vite.
declare module '*.css'
