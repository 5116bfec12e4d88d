// GOV.UK Frontend's components (skip link, service navigation, details, …) on every page.
import { initAll } from "../../vendor/govuk/govuk-frontend.min.js";

initAll();
