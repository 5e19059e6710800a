/**
 * Entry of the playground page: the bundled plans (plans/*.plan, imported as text) and the app.
 */
import "./styles.css";
import { startApp, type PlanFile } from "./ui/app.ts";

const planModules = import.meta.glob<string>("../../plans/*.plan", { query: "?raw", import: "default", eager: true });

const plans: PlanFile[] = Object.entries(planModules)
  .map(([path, text]) => ({ name: path.slice(path.lastIndexOf("/") + 1), text }))
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const root = document.getElementById("app");
if (root) startApp(root, plans);
