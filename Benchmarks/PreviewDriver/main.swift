// Times the preview's response to each kind of edit on a benchmark corpus (make bench).
//
// Usage: trillium-preview-bench SITE OUTPUT [REPEATS] [KIND,KIND…]
//
// SITE is a copy of a corpus written by Benchmarks/corpus.py: the driver edits its files and puts
// them back. For each kind of edit it builds nothing again from scratch: it keeps one LiveSite,
// the way `trillium serve` does, makes the edit, and measures
//   - update: from the files being saved to `update(changed:)` returning (what is rendered at
//     once is in place and open pages could be told to reload),
//   - page:   update, then the edited page's own file prepared (what a browser that reloads
//     waits for, when the page was left for later),
//   - all:    update, then every unit left for later rendered (the whole site equals a full build).
// Each edit is made and undone `REPEATS` times (both count); the medians are printed as one JSON
// object per kind, then a summary line.
import CJemalloc
import Foundation
import TrilliumModel
import TrilliumPipeline

// Everything runs inside `run()`: as top-level code (globals captured by the edits' closures),
// the release build corrupted the heap before the first build began.
func run() -> Int32 {
    let arguments = CommandLine.arguments
    guard arguments.count >= 3 else {
        FileHandle.standardError.write(Data("usage: trillium-preview-bench SITE OUTPUT [REPEATS]\n".utf8))
        return 2
    }
    let site = URL(fileURLWithPath: arguments[1], isDirectory: true)
    let repeats = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 3) : 3
    var options = BuildOptions(siteRoot: site, output: URL(fileURLWithPath: arguments[2], isDirectory: true))
    options.today = Day(year: 2026, month: 12, day: 1)

    func read(_ path: String) -> String { (try? String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)) ?? "" }
    func write(_ path: String, _ text: String) {
        let url = site.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url)
    }
    func remove(_ path: String) { try? FileManager.default.removeItem(at: site.appendingPathComponent(path)) }
    func listing(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent(path).path)) ?? []).sorted()
    }
    func replacingLine(_ text: String, key: String, with line: String?) -> String {
        var lines = text.components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) {
            if let line { lines[index] = line } else { lines.remove(at: index) }
        } else if let line {
            lines.insert(line, at: 1)
        }
        return lines.joined(separator: "\n")
    }

    // The pages and files the edits touch: a page in the middle of the middle section, a post, a service.
    let sections = listing("Content/en").filter { !$0.hasSuffix(".md") && $0 != "updates" }
    let section = sections[sections.count / 2]
    let pagesOfSection = listing("Content/en/\(section)").filter { $0 != "_index.md" }
    let page = "\(section)/\(pagesOfSection[pagesOfSection.count / 2])"
    let post = "updates/" + (listing("Content/en/updates").first { $0 != "_index.md" } ?? "")
    let services = listing("Content/services").filter { $0 != "taxonomy.yaml" }
    let service = "Content/services/" + services[services.count / 2]
    let template = "Themes/default/templates/page.mustache"

    struct Edit {
        var name: String
        /// Makes the edit (true) or undoes it (false); returns the files it touched and the file whose page to open.
        var apply: (Bool, Int) -> (changed: [String], shows: String)
    }

    let en = "Content/en/", fr = "Content/fr/"
    let draftPage = "\(section)/bench-draft-page.md"
    write(en + draftPage, "---\ntitle: \"Page to draft\"\ndescription: \"A page that goes back and forth between draft and published.\"\n---\nSome text.\n")
    write(fr + draftPage, "---\ntitle: \"Page en brouillon\"\ndescription: \"Une page tantôt publiée, tantôt non.\"\n---\nDu texte.\n")
    // A small section no page links to, to draft and publish again whole.
    let draftSection = "bench-draft-section"
    write(en + draftSection + "/_index.md", "---\ntitle: \"Section to draft\"\ndescription: \"A section that goes back and forth between draft and published.\"\n---\nText.\n")
    write(fr + draftSection + "/_index.md", "---\ntitle: \"Section en brouillon\"\ndescription: \"Une section tantôt publiée, tantôt non.\"\n---\nTexte.\n")
    for number in 1...3 {
        write(en + draftSection + "/page-\(number).md", "---\ntitle: \"Drafted page \(number)\"\ndescription: \"A page of the section.\"\n---\nSome text.\n")
        write(fr + draftSection + "/page-\(number).md", "---\ntitle: \"Page \(number) en brouillon\"\ndescription: \"Une page de la section.\"\n---\nDu texte.\n")
    }
    let otherPage = "\(section)/\(pagesOfSection[pagesOfSection.count / 2 + 1])"
    let originals = [en + draftSection + "/_index.md", fr + draftSection + "/_index.md", en + draftPage, fr + draftPage, en + page, fr + page,
                     en + otherPage, fr + otherPage, en + post, fr + post, fr + section + "/_index.md", service, template,
                     "Themes/default/i18n/fr.yaml",
                     "Content/site.yaml", "Content/services/taxonomy.yaml"].reduce(into: [String: String]()) { $0[$1] = read($1) }
    /// A page pair of the middle section written (`on`) or deleted, paired by `key` when given.
    func pagePair(_ on: Bool, _ n: Int, english: String, french: String, key: String?) -> (changed: [String], shows: String) {
        let name = "\(section)/\(english)", nom = "\(section)/\(french)"
        let keyLine = key.map { "translationKey: \($0)\n" } ?? ""
        if on {
            write(en + name, "---\ntitle: \"New page \(n)\"\ndescription: \"A page added while previewing.\"\n\(keyLine)---\nSome text.\n")
            write(fr + nom, "---\ntitle: \"Nouvelle page \(n)\"\ndescription: \"Une page ajoutée.\"\n\(keyLine)---\nDu texte.\n")
        } else {
            remove(en + name)
            remove(fr + nom)
        }
        return ([en + name, fr + nom], on ? en + name : en + section + "/_index.md")
    }
    func makeEdits() -> [Edit] { [
        Edit(name: "page text") { on, n in
            write(en + page, on ? originals[en + page]! + "\nOne more sentence \(n).\n" : originals[en + page]!)
            return ([en + page], en + page)
        },
        Edit(name: "page title") { on, n in
            write(en + page, on ? replacingLine(originals[en + page]!, key: "title", with: "title: \"Edited title \(n)\"") : originals[en + page]!)
            return ([en + page], en + page)
        },
        Edit(name: "page weight") { on, _ in
            write(en + page, on ? replacingLine(originals[en + page]!, key: "weight", with: "weight: 1") : originals[en + page]!)
            return ([en + page], en + section + "/_index.md")
        },
        Edit(name: "post date") { on, n in
            let date = on ? "date: 2026-0\(n % 9 + 1)-15" : nil
            for file in [en + post, fr + post] { write(file, on ? replacingLine(originals[file]!, key: "date", with: date) : originals[file]!) }
            return ([en + post, fr + post], en + "updates/_index.md")
        },
        Edit(name: "draft (both languages)") { on, _ in
            // A page no other page links to (drafting a linked page is an error, as in a full build).
            for file in [en + draftPage, fr + draftPage] { write(file, on ? replacingLine(originals[file]!, key: "draft", with: "draft: true") : originals[file]!) }
            return ([en + draftPage, fr + draftPage], en + section + "/_index.md")
        },
        Edit(name: "new page pair / deleted") { on, n in
            pagePair(on, n, english: "bench-new-page.md", french: "bench-new-page.md", key: nil)
        },
        Edit(name: "new keyed page pair (French name) / deleted") { on, n in
            pagePair(on, n, english: "bench-keyed-page.md", french: "bench-page-avec-cle.md", key: "bench-keyed")
        },
        Edit(name: "French slug") { on, n in
            write(fr + page, on ? replacingLine(originals[fr + page]!, key: "slug", with: "slug: page-renommee-\(n)") : originals[fr + page]!)
            return ([fr + page], fr + page)
        },
        Edit(name: "section slug (French)") { on, n in
            // Every page of the section gets a new address, and the links to them point elsewhere.
            let file = fr + section + "/_index.md"
            write(file, on ? replacingLine(originals[file]!, key: "slug", with: "slug: section-renommee-\(n)") : originals[file]!)
            return ([file], file)
        },
        Edit(name: "section draft (both languages)") { on, _ in
            let files = [en + draftSection + "/_index.md", fr + draftSection + "/_index.md"]
            for file in files { write(file, on ? replacingLine(originals[file]!, key: "draft", with: "draft: true") : originals[file]!) }
            return (files, en + "_index.md")
        },
        Edit(name: "translationKey (both languages)") { on, n in
            // The page pair is then paired by its key instead of its path.
            for file in [en + page, fr + page] {
                write(file, on ? replacingLine(originals[file]!, key: "translationKey", with: "translationKey: bench-pair-\(n)") : originals[file]!)
            }
            return ([en + page, fr + page], en + page)
        },
        Edit(name: "translationKey crosswise (two pairs)") { on, n in
            // Two page pairs of the section paired the other way round: four pages get another twin.
            let files = [en + page, fr + otherPage, en + otherPage, fr + page]
            for (number, file) in files.enumerated() {
                write(file, on ? replacingLine(originals[file]!, key: "translationKey", with: "translationKey: bench-cross-\(n)-\(number / 2)") : originals[file]!)
            }
            return (files, en + page)
        },
        Edit(name: "service") { on, n in
            write(service, on ? originals[service]!.replacingOccurrences(of: "summary:\n  en: \"", with: "summary:\n  en: \"Edited \(n). ") : originals[service]!)
            return ([service], service)
        },
        Edit(name: "new service / deleted") { on, n in
            let path = "Content/services/bench-new-service.yaml"
            if on {
                let id = services[services.count / 2].replacingOccurrences(of: ".yaml", with: "")
                write(path, originals[service]!.replacingOccurrences(of: "id: \(id)", with: "id: bench-new-service"))
            } else {
                remove(path)
            }
            return ([path], on ? path : service)
        },
        Edit(name: "taxonomy label") { on, n in
            let file = "Content/services/taxonomy.yaml"
            // The first English label (a category's), whatever the corpus calls it.
            var text = originals[file]!
            if on, let label = text.range(of: "\n      en: \"") { text.replaceSubrange(label, with: "\n      en: \"Label \(n) ") }
            write(file, text)
            return ([file], service)
        },
        Edit(name: "template") { on, n in
            write(template, on ? originals[template]! + "<!-- \(n) -->\n" : originals[template]!)
            return ([template], en + page)
        },
        Edit(name: "UI string") { on, n in
            let file = "Themes/default/i18n/fr.yaml"
            write(file, on ? originals[file]!.replacingOccurrences(of: "\nhome: ", with: "\nhome: Début \(n) ") : originals[file]!)
            return ([file], fr + page)
        },
        Edit(name: "site.yaml") { on, n in
            let file = "Content/site.yaml"
            write(file, on ? originals[file]!.replacingOccurrences(of: "title: \"Benchmark home\"", with: "title: \"Benchmark home \(n)\"") : originals[file]!)
            return ([file], en + page)
        },
    ]}
    let edits = makeEdits()

    func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    let clock = ContinuousClock()
    let started = clock.now
    let live: LiveSite
    do { live = try LiveSite(options) } catch {
        FileHandle.standardError.write(Data("the first build failed: \(error)\n".utf8))
        return 1
    }
    print("{\"kind\":\"first build\",\"ms\":\(Int(milliseconds(clock.now - started)))}")
    var failures = 0
    let only = arguments.count > 4 ? Set(arguments[4].split(separator: ",").map(String.init)) : nil
    for edit in edits where only?.contains(edit.name) ?? true {
        var phases: [String: [Double]] = [:], phaseOrder: [String] = []
        var update: [Double] = [], ready: [Double] = [], all: [Double] = [], rendered: [Double] = [], pending: [Double] = []
        var planning: Set<String> = [], directory: Set<String> = []
        for round in 0..<repeats {
            for on in [true, false] {
                let (changed, shows) = edit.apply(on, round + 1)
                let start = clock.now
                let outcome = live.update(changed: changed)
                guard case .updated(let result) = outcome else {
                    if case .failed(let failure) = outcome {
                        FileHandle.standardError.write(Data("\(edit.name): the edit was refused: \(failure.errors.prefix(2))\n".utf8))
                    }
                    failures += 1
                    continue
                }
                update.append(milliseconds(clock.now - start))
                planning.insert(result.planning.rawValue)
                if let taking = result.directory { directory.insert(taking.rawValue) }
                for (name, value) in result.phases {
                    if phases[name] == nil { phaseOrder.append(name) }
                    phases[name, default: []].append(value)
                }
                if let path = live.outputPath(ofSource: shows) { _ = live.prepare(path: path) }
                ready.append(milliseconds(clock.now - start))
                let problems = live.finishPending()
                if problems.contains(where: { $0.severity == .error }) { failures += 1 }
                all.append(milliseconds(clock.now - start))
                rendered.append(Double(result.rendered))
                pending.append(Double(result.pending))
            }
        }
        func value(_ number: Double) -> String { String(format: "%.1f", number) }
        print("{\"kind\":\"\(edit.name)\",\"update_ms\":\(value(median(update))),\"page_ms\":\(value(median(ready))),\"all_ms\":\(value(median(all))),"
              + "\"rendered\":\(Int(median(rendered))),\"pending\":\(Int(median(pending))),\"runs\":\(update.count),"
              + "\"planning\":\"\(planning.sorted().joined(separator: "+"))\","
              + (directory.isEmpty ? "" : "\"directory\":\"\(directory.sorted().joined(separator: "+"))\",")
              + "\"update_phases_ms\":{" + phaseOrder.map { "\"\($0)\":\(value(median(phases[$0] ?? [])))" }.joined(separator: ",") + "}}")
    }
    return failures == 0 ? 0 : 1
}

exit(run())
