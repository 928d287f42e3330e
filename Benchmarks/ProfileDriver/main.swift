// Builds one site from a plain synchronous `main`, for profilers.
//
// The `trillium` executable starts through an async entry point that parks the main thread in
// libdispatch's signal wait; valgrind 3.19 crashes on that. This driver calls the same library
// entry point (`SiteBuilder().build`) without it. Usage: trillium-profile SITE OUTPUT [WORKERS]
import Foundation
import TrilliumModel
import TrilliumPipeline

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: trillium-profile SITE OUTPUT [WORKERS]\n".utf8))
    exit(2)
}
var options = BuildOptions(siteRoot: URL(fileURLWithPath: arguments[1], isDirectory: true),
                           output: URL(fileURLWithPath: arguments[2], isDirectory: true))
if arguments.count > 3, let workers = Int(arguments[3]) {
    options.workers = max(1, workers)
}
do {
    let report = try SiteBuilder().build(options)
    print(report.summary)
} catch let failure as BuildFailure {
    for diagnostic in failure.diagnostics where diagnostic.severity == .error {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
    exit(1)
}
