import ArgumentParser
import Foundation
import TrilliumCheck
import TrilliumModel
import TrilliumPipeline
import TrilliumPreview
import TrilliumRender
import TrilliumSource

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a page pair or a service file to fill in.",
        subcommands: [NewPage.self, NewService.self]
    )

    struct NewPage: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "page", abstract: "Create English and French twins: trillium new page SECTION/NAME.")
        @OptionGroup var site: SiteFolderOption
        @Argument(help: "Path below Content/<lang>/ without .md, e.g. get-help/shelters.")
        var path: String

        func run() throws {
            let created = try Scaffolder(siteRoot: site.siteURL).newPage(path, today: .today())
            for file in created { print("created \(file)") }
        }
    }

    struct NewService: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "service", abstract: "Create Content/services/ID.yaml with every field to fill.")
        @OptionGroup var site: SiteFolderOption
        @Argument(help: "The service id: lowercase letters, digits and hyphens.")
        var id: String

        func run() throws {
            let created = try Scaffolder(siteRoot: site.siteURL).newService(id, today: .today())
            print("created \(created)")
        }
    }
}
