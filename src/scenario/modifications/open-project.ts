/**
 * `open-project`: puts every link of a named plan project (projects.json `facilityIds`) back in service, overriding
 * the scenario's `asOfDate` for those links (e.g. "plan-2025" opens the chapter-5 projects due by 2025).
 */
import { z } from "zod";
import type { ScenarioIssue } from "../../io/scenario-file.ts";
import { didYouMean, didYouMeanText } from "../../model/did-you-mean.ts";
import type { Network, Project } from "../../model/network.ts";
import { BaseModification, listIds, noFileIssues, noteSchema, plural, type ModificationLog, type ModificationModule, type ScenarioContext } from "../modification.ts";
import { facilityIndex } from "../link-targets.ts";

/** `open-project`: puts every facility of a plan project in service. */
export const openProjectSchema = z.strictObject({
  type: z.literal("open-project"),
  project: z.string().min(1).describe("Project id (kebab-case) or its exact Chinese name (nameZh) from projects.json."),
  note: noteSchema.optional(),
});
export type OpenProjectValue = z.infer<typeof openProjectSchema>;

/**
 * Opens a project given by id or exact `nameZh`.
 *
 * resolve: no such project → `unknown-project` (with "did you mean" over ids and Chinese names); a name shared by
 * several projects → `ambiguous-project`; every link already in service → `no-effect`; facilities removed by an
 * earlier modification → `partial-match` (warning) or `no-effect` when nothing is left.
 * apply: removes the links from the out-of-service set; log "put 4 links of project x (名称) in service", counts
 * `{ inService, alreadyInService, missing }` (missing = facilities no longer in the network).
 * @example { type: open-project, project: 沪通铁路一期 } // "put 2 links of project hutong-railway-phase-1 (沪通铁路一期) in service"
 */
export class OpenProject extends BaseModification<OpenProjectValue> {
  private project: Project | undefined;
  private toOpen: string[] = [];
  private alreadyInService = 0;
  private missing = 0;

  resolve(network: Network, ctx: ScenarioContext): ScenarioIssue[] {
    const wanted = this.value.project;
    const projects = Object.values(network.getAttribute("projects") ?? {}).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const byId = projects.find((p) => p.id === wanted);
    const byName = projects.filter((p) => p.nameZh === wanted);
    this.project = undefined;
    this.toOpen = [];
    if (!byId && byName.length === 0) {
      const suggestion = didYouMean(wanted, projects.flatMap((p) => [p.id, p.nameZh]));
      return [
        this.at(["project"], "unknown-project", `unknown project "${wanted}"${didYouMeanText(suggestion)} (give a project id or its exact nameZh from projects.json)`, suggestion === undefined ? {} : { suggestion }),
      ];
    }
    if (!byId && byName.length > 1) {
      return [this.at(["project"], "ambiguous-project", `"${wanted}" is the name of ${byName.length} projects (${byName.map((p) => p.id).join(", ")}); give the project id`)];
    }
    const project = (byId ?? byName[0])!;
    this.project = project;
    const facilities = facilityIndex(network);
    const missingFacilities = project.facilityIds.filter((f) => !facilities.has(f));
    const links = project.facilityIds.flatMap((f) => facilities.get(f) ?? []);
    this.toOpen = links.filter((id) => ctx.outOfService.has(id));
    this.alreadyInService = links.length - this.toOpen.length;
    this.missing = missingFacilities.length;
    const label = `project ${project.id} (${project.nameZh})`;
    if (this.toOpen.length === 0) {
      const why =
        links.length === 0
          ? "none of its facilities is in the network any more"
          : `its ${plural(links.length, "link")} ${links.length === 1 ? "is" : "are"} already in service`;
      return [this.at(["project"], "no-effect", `open-project changes nothing: ${label}: ${why}`)];
    }
    if (missingFacilities.length > 0) {
      return [
        this.at(
          ["project"],
          "partial-match",
          `open-project puts ${plural(this.toOpen.length, "link")} of ${label} in service; ${missingFacilities.length} facility(ies) no longer in the network: ${listIds(missingFacilities)}`,
          { severity: "warning" },
        ),
      ];
    }
    return [];
  }

  apply(_network: Network, ctx: ScenarioContext): ModificationLog {
    for (const id of this.toOpen) ctx.outOfService.delete(id);
    const p = this.project!;
    return this.log(`put ${plural(this.toOpen.length, "link")} of project ${p.id} (${p.nameZh}) in service`, {
      inService: this.toOpen.length,
      alreadyInService: this.alreadyInService,
      missing: this.missing,
    });
  }
}

/** The `open-project` modification type: schema and class (no file checks beyond the schema). */
export const openProjectModule: ModificationModule<typeof openProjectSchema> = {
  type: "open-project",
  schema: openProjectSchema,
  fileIssues: noFileIssues,
  create: (entry, spec) => new OpenProject(entry, spec),
};
