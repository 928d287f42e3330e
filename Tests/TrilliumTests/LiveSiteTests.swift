import Foundation
import Testing
@testable import TrilliumModel
@testable import TrilliumPipeline
@testable import TrilliumPlan
@testable import TrilliumRender
import TrilliumDirectory
import TrilliumDefaultTheme

/// The preview's site (`LiveSite`) re-renders only what an edit changes. Whatever the edits, once
/// nothing is pending its output must be the full build's, byte for byte; an edit with errors must
/// fail exactly when a full build fails, and leave the output alone.
@Suite("Incremental preview")
struct LiveSiteTests {
    /// The bilingual fixture with dated posts, a directory of services and the site's own theme
    /// (extending the default), so that every kind of source can be edited.
    static func makeSite() -> FixtureSite {
        var files = BilingualFixture.files
        files["Content/site.yaml"] = FixtureSite.siteYAML + "\ntheme: test\n"
        files["Themes/test/theme.yaml"] = "extends: default\n"
        files["Themes/test/i18n/en.yaml"] = "home: Home\n"
        files["Themes/test/i18n/fr.yaml"] = "home: Accueil\n"
        let site = FixtureSite(files)
        site.copyFromRepository("Tests/Fixtures/services-valid/Content/services", to: "Content/services")
        if let theme = DefaultThemeLocation.directory(),
           let page = try? String(contentsOf: theme.appendingPathComponent("templates/page.mustache"), encoding: .utf8) {
            site.write("Themes/test/templates/page.mustache", page)
        }
        return site
    }

    /// A seeded generator, so a failing sequence can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Makes random edits to a site, the way people do, and says which files each touched.
    struct Editor {
        let site: FixtureSite
        var random: Seeded
        var counter = 0

        /// Page pairs that exist: (English path, French path) below Content/<lang>/.
        var pairs: [(String, String)] = [
            ("get-help/shelters.md", "get-help/shelters.md"), ("get-help/hotline.md", "get-help/hotline.md"),
            ("about.md", "a-propos.md"), ("updates/2020-03-06-strategy.md", "updates/2020-03-06-strategy.md"),
        ]
        var services = ["day-line", "night-line"]

        mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }

        func en(_ path: String) -> String { "Content/en/" + path }
        func fr(_ path: String) -> String { "Content/fr/" + path }

        /// Replaces a front matter line starting with `key:` (or adds it after the title).
        func setKey(_ key: String, _ value: String?, in path: String) {
            var lines = site.source(path).components(separatedBy: "\n")
            let end = lines.dropFirst().firstIndex(of: "---") ?? 1
            if let index = lines[1..<end].firstIndex(where: { $0.hasPrefix(key + ":") }) {
                if let value { lines[index] = "\(key): \(value)" } else { lines.remove(at: index) }
            } else if let value {
                lines.insert("\(key): \(value)", at: 2)
            }
            site.write(path, lines.joined(separator: "\n"))
        }

        /// One random edit; returns its name and the files it touched.
        /// A file an edit broke, and its text before.
        var broken: (String, String)?

        mutating func edit() -> (String, [String]) {
            if let (path, text) = broken {
                broken = nil
                site.write(path, text)
                return ("mended front matter", [path])
            }
            counter += 1
            let n = counter
            switch Int.random(in: 0..<17, using: &random) {
            case 16:
                // A section (its French slug moves its pages) made once, then drafted or published
                // again in both languages: it comes and goes, and its pages move.
                let section = "guides/_index.md", page = "guides/steps.md"
                guard site.exists(en(section)) else {
                    site.write(en(section), FixtureSite.page(title: "Guides", description: "Guides.", ["weight: 2"], body: "Guides."))
                    site.write(fr(section), FixtureSite.page(title: "Guides", description: "Des guides.", ["weight: 2", "slug: guides-fr"], body: "Des guides."))
                    site.write(en(page), FixtureSite.page(title: "Steps", description: "Steps.", [], body: "See [shelters](/en/get-help/shelters/)."))
                    site.write(fr(page), FixtureSite.page(title: "Étapes", description: "Étapes.", ["slug: etapes"], body: "Texte."))
                    return ("new section", [en(section), fr(section), en(page), fr(page)])
                }
                let draft = !site.source(en(section)).contains("draft: true")
                setKey("draft", draft ? "true" : nil, in: en(section))
                setKey("draft", draft ? "true" : nil, in: fr(section))
                return (draft ? "section drafted" : "section published again", [en(section), fr(section)])
            case 0:
                let (e, french) = pick(pairs)
                site.write(en(e), site.source(en(e)) + "\nMore text \(n), see [the hotline](/en/get-help/hotline/).\n")
                site.write(fr(french), site.source(fr(french)) + "\nPlus de texte \(n) : voir l'aide.\n")
                return ("body text", [en(e), fr(french)])
            case 1:
                let (e, _) = pick(pairs + [("get-help/_index.md", "get-help/_index.md")])
                setKey("title", "Title \(n)", in: en(e))
                return ("title", [en(e)])
            case 2:
                let (e, french) = pick(pairs)
                if e.contains("new-") {
                    // A page nobody links to goes back and forth between draft and published.
                    let draft = !site.source(en(e)).contains("draft: true")
                    setKey("draft", draft ? "true" : nil, in: en(e))
                    setKey("draft", draft ? "true" : nil, in: fr(french))
                    return ("draft", [en(e), fr(french)])
                }
                setKey("weight", String(Int.random(in: 0..<9, using: &random)), in: en(e))
                setKey("weight", String(Int.random(in: 0..<9, using: &random)), in: fr(french))
                return ("weight", [en(e), fr(french)])
            case 3:
                let day = String(format: "2024-%02d-%02d", Int.random(in: 1...12, using: &random), Int.random(in: 1...28, using: &random))
                setKey("date", day, in: en("updates/2019-05-29-hotline.md"))
                setKey("date", day, in: fr("updates/2019-05-29-hotline.md"))
                return ("date", [en("updates/2019-05-29-hotline.md"), fr("updates/2019-05-29-hotline.md")])
            case 4:
                let folder = pick(["get-help/", "updates/", ""])
                let name = "\(folder)new-\(n).md"
                // Every other pair has a French name of its own, and a key that pairs it.
                let french = n % 2 == 0 ? name : "\(folder)nouvelle-\(n).md"
                let key = n % 2 == 0 ? [] : ["translationKey: new-\(n)"]
                let date = folder == "updates/" ? ["date: 2023-01-\(String(format: "%02d", n % 28 + 1))"] : []
                site.write(en(name), FixtureSite.page(title: "New \(n)", description: "A new page.", date + key, body: "See [shelters](/en/get-help/shelters/)."))
                site.write(fr(french), FixtureSite.page(title: "Nouvelle \(n)", description: "Une page.", date + key + ["slug: nouvelle-\(n)"], body: "Texte."))
                pairs.append((name, french))
                return ("new page pair", [en(name), fr(french)])
            case 5:
                let made = pairs.indices.filter { pairs[$0].0.contains("new-") }
                guard let index = made.first.map({ _ in made[Int.random(in: 0..<made.count, using: &random)] }) else { return ("nothing", []) }
                let (e, french) = pairs.remove(at: index)
                site.remove(en(e))
                site.remove(fr(french))
                return ("deleted page pair", [en(e), fr(french)])
            case 6:
                let path = fr("get-help/_index.md")
                site.write(path, site.source(path).replacingOccurrences(of: "slug: aide[^\n]*", with: "slug: aide-\(n)", options: .regularExpression))
                return ("section slug", [fr("get-help/_index.md")])
            case 7:
                // A broken page (its front matter does not close); the next edit mends it.
                let (e, _) = pick(pairs)
                broken = (en(e), site.source(en(e)))
                site.write(en(e), "---\ntitle: [unclosed\n---\nText.\n")
                return ("broken front matter", [en(e)])
            case 8:
                let target = pick(["get-help/hotline.md", "get-help/shelters.md", "get-help/_index.md"])
                site.write(en("about.md"), site.source(en("about.md")) + "\nSee [a page](\(target)).\n")
                return ("link", [en("about.md")])
            case 9:
                let id = pick(services)
                let path = "Content/services/\(id).yaml"
                site.write(path, site.source(path).replacingOccurrences(of: "summary: { en: ", with: "summary: { en: Edited \(n). "))
                return ("service text", [path])
            case 10:
                let id = "line-\(n)"
                let path = "Content/services/\(id).yaml"
                site.write(path, site.source("Content/services/day-line.yaml")
                    .replacingOccurrences(of: "id: day-line", with: "id: \(id)").replacingOccurrences(of: "Day Line", with: "Line \(n)"))
                services.append(id)
                return ("new service", [path])
            case 11:
                guard services.count > 1 else { return ("nothing", []) }
                let id = services.remove(at: Int.random(in: 0..<services.count, using: &random))
                site.remove("Content/services/\(id).yaml")
                return ("deleted service", ["Content/services/\(id).yaml"])
            case 12:
                let path = "Content/services/taxonomy.yaml"
                site.write(path, site.source(path).replacingOccurrences(of: "Crisis lines[^,]*,", with: "Crisis lines \(n),", options: .regularExpression))
                return ("taxonomy label", [path])
            case 13:
                let path = "Themes/test/templates/page.mustache"
                site.write(path, site.source(path) + "<!-- \(n) -->\n")
                return ("template", [path])
            case 14:
                site.write("Themes/test/i18n/fr.yaml", "home: Accueil \(n)\n")
                return ("UI string", ["Themes/test/i18n/fr.yaml"])
            default:
                let path = "Content/site.yaml"
                site.write(path, site.source(path).replacingOccurrences(of: #"paginate: \d+"#, with: "paginate: \(n % 3 + 1)", options: .regularExpression))
                return ("settings", [path])
            }
        }
    }

    func fullBuild(_ site: FixtureSite, into folder: URL) -> Result<BuildReport, BuildFailure> {
        do { return .success(try SiteBuilder().build(site.options(output: folder))) } catch let failure as BuildFailure {
            return .failure(failure)
        } catch {
            return .failure(BuildFailure([.error(SourceLocation(file: "?"), "\(error)")]))
        }
    }

    /// Hands `changed` to the preview, expects the edit taken and planned as `planning`, and,
    /// once nothing is pending, the full build's output; false when the edit was refused.
    func expectTaken(_ changed: [String], _ kind: String, planned planning: LiveSite.Planning, directory: ServiceFolder.Taking? = nil,
                     live: LiveSite, site: FixtureSite, reference: URL) -> Bool {
        guard case .updated(let update) = live.update(changed: changed) else {
            Issue.record("\(kind): the preview refused the edit")
            return false
        }
        #expect(update.planning == planning, "\(kind)")
        #expect(update.directory == directory, "\(kind)")
        #expect(live.finishPending().allSatisfy { $0.severity != .error }, "\(kind)")
        guard case .success = fullBuild(site, into: reference) else {
            Issue.record("\(kind): the full build fails")
            return false
        }
        let differences = OutputSnapshot(site.output).differences(from: OutputSnapshot(reference))
        #expect(differences.isEmpty, "\(kind): \(differences.prefix(8))")
        return differences.isEmpty
    }

    /// Hands `changed` to the preview and expects it refused with a problem `saying` something,
    /// as a full build refuses it; false otherwise.
    func expectRefused(_ changed: [String], _ kind: String, saying message: String, live: LiveSite, site: FixtureSite, reference: URL) -> Bool {
        guard case .failed(let failure) = live.update(changed: changed) else {
            Issue.record("\(kind): the preview took the edit")
            return false
        }
        #expect(failure.errors.contains { $0.message.contains(message) }, "\(kind): \(failure.errors)")
        guard case .failure = fullBuild(site, into: reference) else {
            Issue.record("\(kind): the full build takes it")
            return false
        }
        return true
    }

    /// Seeds 7 to 9 make three edits before the units left for later are rendered, so an edit
    /// meets units still pending from the ones before (as when a person saves again while the
    /// preview works in the background).
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8, 9])
    func randomEditsGiveWhatAFullBuildGives(seed: UInt64) throws {
        let settleEvery = seed >= 7 ? 3 : 1
        let site = Self.makeSite()
        #expect(site.source("Content/site.yaml").contains("paginate:"), "the edits change `paginate`")
        let live = try LiveSite(site.options())
        let reference = site.container.appendingPathComponent("Reference")
        guard case .success = fullBuild(site, into: reference) else {
            Issue.record("the fixture does not build")
            return
        }
        #expect(OutputSnapshot(site.output).differences(from: OutputSnapshot(reference)).isEmpty, "the first build is the full build")
        var editor = Editor(site: site, random: Seeded(state: seed))
        var taken = 0, refused = 0, lazy = 0
        defer {
            // Most edits are good ones, and some leave units for later: the comparison covers both.
            #expect(taken >= 18, "seed \(seed): only \(taken) edits were taken (\(refused) refused)")
            #expect(lazy > 0, "seed \(seed): no edit left units pending")
        }

        for step in 1...30 {
            let (kind, changed) = editor.edit()
            guard !changed.isEmpty else { continue }
            let before = OutputSnapshot(site.output)
            let outcome = live.update(changed: changed)
            let full = fullBuild(site, into: reference)
            switch (outcome, full) {
            case (.updated(let update), .success):
                taken += 1
                if update.pending > 0 { lazy += 1 }
                guard taken % settleEvery == 0 else { continue }
                let problems = live.finishPending()
                #expect(!problems.contains { $0.severity == .error }, "seed \(seed), step \(step) (\(kind)): \(problems)")
                let differences = OutputSnapshot(site.output).differences(from: OutputSnapshot(reference))
                #expect(differences.isEmpty, "seed \(seed), step \(step) (\(kind) of \(changed)): \(differences.prefix(8))")
                if !differences.isEmpty { return }
            case (.failed, .failure):
                refused += 1
                #expect(OutputSnapshot(site.output).differences(from: before).isEmpty, "a failed edit leaves the output alone")
            case (.updated, .failure(let failure)):
                Issue.record("seed \(seed), step \(step) (\(kind)): the full build fails but the preview took the edit: \(failure)")
                return
            case (.failed(let failure), .success):
                Issue.record("seed \(seed), step \(step) (\(kind)): the preview refused an edit a full build takes: \(failure)")
                return
            }
        }
    }

    /// Pages that come, go (paired by path or by a key), are published again or get another French slug, and a section that
    /// gets another slug (its pages move with it), are planned from the plan before
    /// (`SitePlan.restructured`), not from scratch, and still give what a full build gives; an
    /// edit that breaks a pair is refused as a full build refuses it.
    @Test func pagesThatComeAndGoArePlannedFromThePlanBefore() throws {
        let site = Self.makeSite()
        let live = try LiveSite(site.options())
        let reference = site.container.appendingPathComponent("Reference")
        let editor = Editor(site: site, random: Seeded(state: 1))
        let name = "get-help/new-page.md"
        let steps: [(String, LiveSite.Planning, () -> [String])] = [
            ("new page pair", .restructured, {
                site.write(editor.en(name), FixtureSite.page(title: "New", description: "A new page.", [], body: "See [shelters](/en/get-help/shelters/)."))
                site.write(editor.fr(name), FixtureSite.page(title: "Nouvelle", description: "Une page.", ["slug: nouvelle"], body: "Texte."))
                return [editor.en(name), editor.fr(name)]
            }),
            ("French slug", .restructured, {
                editor.setKey("slug", "autre-adresse", in: editor.fr(name))
                return [editor.fr(name)]
            }),
            ("new page pair with a French name of its own, paired by a key", .restructured, {
                site.write(editor.en("get-help/keyed.md"), FixtureSite.page(title: "Keyed", description: "A keyed page.", ["translationKey: keyed"], body: "Text."))
                site.write(editor.fr("get-help/avec-cle.md"), FixtureSite.page(title: "Avec clé", description: "Une page.", ["translationKey: keyed"], body: "Texte."))
                return [editor.en("get-help/keyed.md"), editor.fr("get-help/avec-cle.md")]
            }),
            ("the keyed pair deleted", .restructured, {
                site.remove(editor.en("get-help/keyed.md"))
                site.remove(editor.fr("get-help/avec-cle.md"))
                return [editor.en("get-help/keyed.md"), editor.fr("get-help/avec-cle.md")]
            }),
            ("draft", .restructured, {
                editor.setKey("draft", "true", in: editor.en(name))
                editor.setKey("draft", "true", in: editor.fr(name))
                return [editor.en(name), editor.fr(name)]
            }),
            ("published again", .restructured, {
                editor.setKey("draft", nil, in: editor.en(name))
                editor.setKey("draft", nil, in: editor.fr(name))
                return [editor.en(name), editor.fr(name)]
            }),
            ("section slug", .restructured, {
                editor.setKey("slug", "aide-renommee", in: editor.fr("get-help/_index.md"))
                return [editor.fr("get-help/_index.md")]
            }),
            ("page text", .kept, {
                site.write(editor.en(name), site.source(editor.en(name)) + "\nMore text.\n")
                return [editor.en(name)]
            }),
            ("deleted page pair", .restructured, {
                site.remove(editor.en(name))
                site.remove(editor.fr(name))
                return [editor.en(name), editor.fr(name)]
            }),
        ]
        for (kind, planning, edit) in steps {
            guard expectTaken(edit(), kind, planned: planning, live: live, site: site, reference: reference) else { return }
        }
        // One page of a pair deleted: its twin has none, and the preview says so as a full build does.
        site.remove(editor.fr("get-help/shelters.md"))
        guard case .failed(let failure) = live.update(changed: [editor.fr("get-help/shelters.md")]) else {
            Issue.record("a page without its twin was taken")
            return
        }
        #expect(failure.errors.contains { $0.message.contains("no French twin") }, "\(failure.errors)")
    }

    /// A section drafted in both languages goes, and its pages move (its French slug goes with
    /// it) and leave its list; published again, it comes back: both are planned from the plan
    /// before, and give what a full build gives. Drafting a section a page links to is refused,
    /// as a full build refuses it.
    @Test func aSectionThatComesAndGoesIsPlannedFromThePlanBefore() throws {
        let site = Self.makeSite()
        let live = try LiveSite(site.options())
        let reference = site.container.appendingPathComponent("Reference")
        let editor = Editor(site: site, random: Seeded(state: 1))
        let section = "guides/_index.md", sub = "guides/more/_index.md"
        let steps: [(String, LiveSite.Planning, () -> [String])] = [
            ("a new section with a page and a subsection", .restructured, {
                site.write(editor.en(section), FixtureSite.page(title: "Guides", description: "Guides.", ["weight: 2"], body: "Guides."))
                site.write(editor.fr(section), FixtureSite.page(title: "Guides", description: "Des guides.", ["weight: 2", "slug: guides-fr"], body: "Des guides."))
                site.write(editor.en("guides/steps.md"), FixtureSite.page(title: "Steps", description: "Steps.", [], body: "See [deep](more/deep.md)."))
                site.write(editor.fr("guides/steps.md"), FixtureSite.page(title: "Étapes", description: "Étapes.", ["slug: etapes"], body: "Voir [profond](more/deep.md)."))
                site.write(editor.en(sub), FixtureSite.page(title: "More", description: "More.", [], body: "More."))
                site.write(editor.fr(sub), FixtureSite.page(title: "Plus", description: "Plus.", ["slug: plus"], body: "Plus."))
                site.write(editor.en("guides/more/deep.md"), FixtureSite.page(title: "Deep", description: "Deep.", [], body: "Deep."))
                site.write(editor.fr("guides/more/deep.md"), FixtureSite.page(title: "Profond", description: "Profond.", [], body: "Profond."))
                return [section, sub, "guides/steps.md", "guides/more/deep.md"].flatMap { [editor.en($0), editor.fr($0)] }
            }),
            ("the section drafted", .restructured, {
                editor.setKey("draft", "true", in: editor.en(section))
                editor.setKey("draft", "true", in: editor.fr(section))
                return [editor.en(section), editor.fr(section)]
            }),
            ("the subsection drafted too", .restructured, {
                editor.setKey("draft", "true", in: editor.en(sub))
                editor.setKey("draft", "true", in: editor.fr(sub))
                return [editor.en(sub), editor.fr(sub)]
            }),
            ("the section published again", .restructured, {
                editor.setKey("draft", nil, in: editor.en(section))
                editor.setKey("draft", nil, in: editor.fr(section))
                return [editor.en(section), editor.fr(section)]
            }),
            ("the subsection published again", .restructured, {
                editor.setKey("draft", nil, in: editor.en(sub))
                editor.setKey("draft", nil, in: editor.fr(sub))
                return [editor.en(sub), editor.fr(sub)]
            }),
        ]
        for (kind, planning, edit) in steps {
            guard expectTaken(edit(), kind, planned: planning, live: live, site: site, reference: reference) else { return }
        }
        // The home pages link to the help section: drafting it breaks their links.
        let help = "get-help/_index.md"
        editor.setKey("draft", "true", in: editor.en(help))
        editor.setKey("draft", "true", in: editor.fr(help))
        let before = OutputSnapshot(site.output)
        guard case .failed(let failure) = live.update(changed: [editor.en(help), editor.fr(help)]) else {
            Issue.record("a section the home pages link to was drafted")
            return
        }
        #expect(failure.errors.contains { $0.location.file == "Content/en/_index.md" }, "\(failure.errors)")
        #expect(OutputSnapshot(site.output).differences(from: before).isEmpty, "a refused edit leaves the output alone")
        guard case .failure = fullBuild(site, into: reference) else {
            Issue.record("the full build takes it")
            return
        }
        // Drafted in one language only: the twins disagree, as a full build says.
        editor.setKey("draft", nil, in: editor.en(help))
        editor.setKey("draft", nil, in: editor.fr(help))
        guard expectTaken([editor.en(help), editor.fr(help)], "the help section published again", planned: .kept,
                          live: live, site: site, reference: reference) else { return }
        editor.setKey("draft", "true", in: editor.fr(section))
        guard case .failed = live.update(changed: [editor.fr(section)]) else {
            Issue.record("a section drafted in one language only was taken")
            return
        }
    }

    /// A `translationKey` that leaves every page with its twin keeps the plan; a key another page
    /// of the language already has is planned again and refused, as a full build refuses it; taking
    /// it off again is taken.
    @Test func aTranslationKeyThatKeepsEveryTwinKeepsThePlan() throws {
        let site = Self.makeSite()
        let live = try LiveSite(site.options())
        let reference = site.container.appendingPathComponent("Reference")
        let editor = Editor(site: site, random: Seeded(state: 1))
        let shelters = "get-help/shelters.md"
        let steps: [(String, LiveSite.Planning, () -> [String])] = [
            ("a key for both pages of a pair", .kept, {
                editor.setKey("translationKey", "shelters", in: editor.en(shelters))
                editor.setKey("translationKey", "shelters", in: editor.fr(shelters))
                return [editor.en(shelters), editor.fr(shelters)]
            }),
            ("another key for both", .kept, {
                editor.setKey("translationKey", "refuges", in: editor.en(shelters))
                editor.setKey("translationKey", "refuges", in: editor.fr(shelters))
                return [editor.en(shelters), editor.fr(shelters)]
            }),
            ("the key taken off one page (still paired by path)", .kept, {
                editor.setKey("translationKey", nil, in: editor.fr(shelters))
                return [editor.fr(shelters)]
            }),
            ("no key at all", .kept, {
                editor.setKey("translationKey", nil, in: editor.en(shelters))
                return [editor.en(shelters)]
            }),
        ]
        for (kind, planning, edit) in steps {
            guard expectTaken(edit(), kind, planned: planning, live: live, site: site, reference: reference) else { return }
        }
        // The French home's key on the English shelters page: two pages lose their twins.
        let homeKey = "accueil"
        editor.setKey("translationKey", homeKey, in: editor.fr("_index.md"))
        editor.setKey("translationKey", homeKey, in: editor.en("_index.md"))
        guard expectTaken([editor.fr("_index.md"), editor.en("_index.md")], "a key for the home pages", planned: .kept,
                          live: live, site: site, reference: reference) else { return }
        editor.setKey("translationKey", homeKey, in: editor.en(shelters))
        guard expectRefused([editor.en(shelters)], "a key used twice in one language", saying: "is already used by",
                            live: live, site: site, reference: reference) else { return }
        editor.setKey("translationKey", nil, in: editor.en(shelters))
        guard expectTaken([editor.en(shelters)], "the key taken off again", planned: .kept, live: live, site: site, reference: reference) else { return }
        // Two pairs paired crosswise: every page has another twin, and the plan stays.
        let hotline = "get-help/hotline.md"
        editor.setKey("translationKey", "cross-1", in: editor.en(shelters))
        editor.setKey("translationKey", "cross-1", in: editor.fr(hotline))
        editor.setKey("translationKey", "cross-2", in: editor.en(hotline))
        editor.setKey("translationKey", "cross-2", in: editor.fr(shelters))
        let crossed = [editor.en(shelters), editor.fr(hotline), editor.en(hotline), editor.fr(shelters)]
        guard expectTaken(crossed, "two pairs paired crosswise", planned: .kept, live: live, site: site, reference: reference) else { return }
        let shown = (try? String(contentsOf: site.output.appendingPathComponent("en/get-help/shelters/index.html"), encoding: .utf8)) ?? ""
        #expect(shown.contains("/fr/aide/ligne-d-urgence/"), "the English shelters page links to its new twin")
        // One key taken off: the English hotline page is left without a twin, as a full build says.
        editor.setKey("translationKey", nil, in: editor.en(hotline))
        guard expectRefused([editor.en(hotline)], "a page left without a twin", saying: "no French twin",
                            live: live, site: site, reference: reference) else { return }
        for file in crossed { editor.setKey("translationKey", nil, in: file) }
        _ = expectTaken(crossed, "every key taken off", planned: .kept, live: live, site: site, reference: reference)
    }

    /// A section that gets another slug moves its pages: a link to one of them by its file follows
    /// it, and the page that has it waits with the others; a link written as the old address now
    /// leads nowhere, and the preview refuses the edit as a full build does.
    @Test func aSectionThatMovesTakesItsPagesAndBreaksLinksToItsOldAddresses() throws {
        let site = Self.makeSite()
        let home = "Content/fr/_index.md", section = "Content/fr/get-help/_index.md"
        let text = site.source(home)
        site.write(home, text + "\nAppelez [la ligne](get-help/hotline.md) ou voyez [les refuges](/fr/aide/refuges/).\n")
        let live = try LiveSite(site.options())
        let reference = site.container.appendingPathComponent("Reference")
        let slug = site.source(section)
        site.write(section, slug.replacingOccurrences(of: "slug: aide", with: "slug: aide-ailleurs"))
        guard case .failed(let failure) = live.update(changed: [section]) else {
            Issue.record("the preview took a section's move that breaks a link")
            return
        }
        #expect(failure.errors.contains { $0.location.file == home && $0.message.contains("/fr/aide/refuges/") }, "\(failure.errors)")
        guard case .failure = fullBuild(site, into: reference) else {
            Issue.record("the full build took it too")
            return
        }
        site.write(home, text + "\nAppelez [la ligne](get-help/hotline.md) ou voyez [les refuges](/fr/aide-ailleurs/refuges/).\n")
        guard expectTaken([home, section], "the link mended", planned: .whole, live: live, site: site, reference: reference) else { return }
        site.write(home, text + "\nAppelez [la ligne](get-help/hotline.md).\n")
        guard expectTaken([home], "the link by address taken out", planned: .kept, live: live, site: site, reference: reference) else { return }
        // Only the section's move now: the page that links to the hotline by its file is not
        // rendered before the edit is taken (what its links find did not change), and is after.
        // (No unit is rendered at once for being one of few: only those the edit names or that must be checked.)
        live.eagerLimit = 0
        site.write(section, slug.replacingOccurrences(of: "slug: aide", with: "slug: aide-encore-2"))
        guard case .updated(let update) = live.update(changed: [section]) else {
            Issue.record("the preview refused a section's move")
            return
        }
        #expect(update.planning == .restructured)
        #expect(update.rendered == 1, "pages whose links only moved were rendered before the edit was taken: \(update.rendered)")
        #expect(update.pending > 3, "the section's pages, and those linking to them, wait: \(update.pending)")
        #expect(live.finishPending().allSatisfy { $0.severity != .error })
        guard case .success = fullBuild(site, into: reference) else {
            Issue.record("the full build fails")
            return
        }
        let differences = OutputSnapshot(site.output).differences(from: OutputSnapshot(reference))
        #expect(differences.isEmpty, "\(differences.prefix(8))")
    }

    /// A service that goes while a page links to its page: the preview refuses the edit as a full
    /// build does (the directory's addresses that came or went are checked against the pages that
    /// ask for them), and takes it back when the service returns; a new service and a taxonomy
    /// edit keep the pages' plan.
    @Test func aServiceThatAPageLinksToCannotGoUnnoticed() throws {
        let site = Self.makeSite()
        let en = GeneratedPages.urlPath(.service("night-line"), .en), fr = GeneratedPages.urlPath(.service("night-line"), .fr)
        site.write("Content/en/get-help/lines.md", FixtureSite.page(title: "Lines", description: "Lines.", [], body: "Call [the night line](\(en))."))
        site.write("Content/fr/get-help/lines.md", FixtureSite.page(title: "Lignes", description: "Lignes.", [], body: "Appelez [la ligne de nuit](\(fr))."))
        let live = try LiveSite(site.options())
        let reference = site.container.appendingPathComponent("Reference")
        let service = "Content/services/night-line.yaml"
        let text = site.source(service)
        site.remove(service)
        guard case .failed(let failure) = live.update(changed: [service]) else {
            Issue.record("the preview took away a service a page links to")
            return
        }
        // (The service was taken out of the directory as it was, and the links checked: no full read hides the error.)
        #expect(failure.errors.contains { $0.location.file.hasSuffix("get-help/lines.md") }, "\(failure.errors)")
        guard case .failure = fullBuild(site, into: reference) else {
            Issue.record("the full build took it too")
            return
        }
        site.write(service, text)
        // Each is taken into the directory as it was (no file is read but the edit's), and the
        // output is still the full build's.
        let dayLine = site.source("Content/services/day-line.yaml")
        #expect(dayLine.contains("last_verified: 2026-11-30"), "the day line is the service checked last")
        let edits: [(String, [String], ServiceFolder.Taking, () -> Void)] = [
            ("service back", [service], .cameOrWent, {}),
            ("new service", ["Content/services/late-line.yaml"], .cameOrWent, {
                site.write("Content/services/late-line.yaml", text.replacingOccurrences(of: "id: night-line", with: "id: late-line"))
            }),
            ("taxonomy label", ["Content/services/taxonomy.yaml"], .taxonomy, {
                let path = "Content/services/taxonomy.yaml"
                site.write(path, site.source(path).replacingOccurrences(of: "Crisis lines[^,]*,", with: "Crisis lines 2,", options: .regularExpression))
            }),
            // The day line was checked last: the lists' date goes back with it, and comes again.
            ("deleted service with the latest check", ["Content/services/day-line.yaml"], .cameOrWent, { site.remove("Content/services/day-line.yaml") }),
            ("service with the latest check back", ["Content/services/day-line.yaml"], .cameOrWent, {
                site.write("Content/services/day-line.yaml", dayLine)
            }),
            ("service text", ["Content/services/late-line.yaml"], .saved, {
                site.write("Content/services/late-line.yaml", site.source("Content/services/late-line.yaml") + "\n")
            }),
            ("deleted service", ["Content/services/late-line.yaml"], .cameOrWent, { site.remove("Content/services/late-line.yaml") }),
        ]
        for (kind, changed, taking, edit) in edits {
            edit()
            // The pages' plan stays.
            guard expectTaken(changed, kind, planned: .kept, directory: taking, live: live, site: site, reference: reference) else { return }
        }
    }

    /// A directory whose lists run over several pages: editing a service re-renders only the
    /// list pages that show it, and moving services between lists (even when every list keeps its
    /// count) still gives what a full build gives.
    @Test func serviceEditsInADirectoryOfManyPagesGiveWhatAFullBuildGives() throws {
        let site = FixtureSite()
        let entries = DirectoryFixture.write(300, into: site)
        let live = try LiveSite(site.options())
        let reference = site.container.appendingPathComponent("Reference")
        guard case .success = fullBuild(site, into: reference) else {
            Issue.record("the fixture does not build")
            return
        }
        func path(_ number: Int) -> String { "Content/services/\(entries[number].id).yaml" }
        var filed = entries.map(\.categories)
        func categories(_ number: Int) -> String { "categories: [\(filed[number].joined(separator: ", "))]" }
        // Two services of the same regions filed under one category each, different ones: swapping
        // their categories keeps every list's count.
        let single = entries.indices.filter { entries[$0].categories.count == 1 }
        // Far apart in the directory, so on different pages of the lists they share.
        let (a, b) = try #require(single.lazy.flatMap { a in single.reversed().lazy.map { (a, $0) } }.first {
            entries[$0.0].categories != entries[$0.1].categories && entries[$0.0].regions == entries[$0.1].regions
        })
        var random = Seeded(state: 7)
        var narrowed = 0
        for step in 1...7 {
            var changed: [String]
            switch step % 3 {
            case 0:
                changed = [path(a), path(b)]
                let first = site.source(path(a)), second = site.source(path(b))
                site.write(path(a), first.replacingOccurrences(of: categories(a), with: categories(b)))
                site.write(path(b), second.replacingOccurrences(of: categories(b), with: categories(a)))
                filed.swapAt(a, b)
            default:
                let number = Int(random.next() % UInt64(entries.count))
                changed = [path(number)]
                site.write(path(number), site.source(path(number)).replacingOccurrences(of: "summary: { en: \"", with: "summary: { en: \"Edit \(step). "))
            }
            let outcome = live.update(changed: changed)
            guard case .updated(let update) = outcome, case .success = fullBuild(site, into: reference) else {
                Issue.record("step \(step): the edit was refused: \(outcome)")
                return
            }
            if update.pending < 600 { narrowed += 1 }
            #expect(live.finishPending().allSatisfy { $0.severity != .error })
            let differences = OutputSnapshot(site.output).differences(from: OutputSnapshot(reference))
            #expect(differences.isEmpty, "step \(step) (\(changed)): \(differences.prefix(8))")
            if !differences.isEmpty { return }
        }
        #expect(narrowed > 0, "no service edit left most of the lists alone")
    }

    /// The page a source file makes: a content page's, a service's in either language, none for
    /// other files; and each exists in the output.
    @Test func theOutputPathOfASourceIsThePageItMakes() throws {
        let site = FixtureSite()
        let entries = DirectoryFixture.write(40, into: site)
        let live = try LiveSite(site.options())
        let id = entries[17].id
        #expect(live.outputPath(ofSource: "Content/services/\(id).yaml") == "en/services/\(id)/index.html")
        #expect(live.outputPath(ofSource: "Content/services/\(id).yaml", language: .fr) == "fr/services/\(id)/index.html")
        #expect(live.outputPath(ofSource: "Content/services/no-such-service.yaml") == nil)
        #expect(live.outputPath(ofSource: "Content/services/taxonomy.yaml") == nil)
        let page = try #require(live.outputPath(ofSource: "Content/en/_index.md"))
        #expect(page == "en/index.html")
        for path in [page, "en/services/\(id)/index.html", "fr/services/\(id)/index.html"] {
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path), "\(path)")
        }
    }
}
