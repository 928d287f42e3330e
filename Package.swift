// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

// The targets follow the pipeline, and each may import only the stages before it, so a
// wrong-way import does not compile:
//
//   TrilliumModel      values only (pages, settings, diagnostics, one JSON encoder, one escaper)
//   TrilliumSource     reading the site's files: front matter, site.yaml, the theme's files
//   TrilliumMarkdown   the only code that touches cmark-gfm
//   TrilliumDirectory  the service directory: its data, its loading, its exports
//   TrilliumSearch     the search text pipeline and index builder
//   TrilliumPlan       twins, URLs, sections, link resolution
//   TrilliumRender     views, theme (Mustache templates compiled here), typography: content in, files out
//   TrilliumPipeline   load → plan → render → write, the preview's incremental renderer
//   TrilliumCheck      whole-site checks for `trillium check`
//   TrilliumPreview    the live-reload server
//   TrilliumEditor     the browser editor the preview serves at /_edit/
//   trillium           the command line
let package = Package(
    name: "Trillium",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "trillium", targets: ["trillium"]),
        .executable(name: "trillium-profile", targets: ["trillium-profile"]),
        .executable(name: "trillium-preview-bench", targets: ["trillium-preview-bench"]),
        .library(name: "Trillium", targets: ["TrilliumPipeline", "TrilliumCheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The only code that knows cmark-gfm is a C library: a module map and a shim header.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The executables allocate with jemalloc: glibc's malloc, after a build or an edit frees
        // millions of small blocks, made later allocations slow (see BENCHMARKS.md).
        .systemLibrary(name: "CJemalloc", providers: [.apt(["libjemalloc-dev"])]),
        .target(name: "TrilliumModel", swiftSettings: strictSettings),
        .target(
            name: "TrilliumSource",
            dependencies: ["TrilliumModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(name: "TrilliumMarkdown", dependencies: ["TrilliumModel", "CCmarkGFM"], swiftSettings: strictSettings),
        .target(
            name: "TrilliumDirectory",
            dependencies: ["TrilliumModel", "TrilliumSource", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(name: "TrilliumSearch", dependencies: ["TrilliumModel"], swiftSettings: strictSettings),
        .target(name: "TrilliumPlan", dependencies: ["TrilliumModel", "TrilliumDirectory"], swiftSettings: strictSettings),
        .target(
            name: "TrilliumRender",
            dependencies: [
                "TrilliumModel", "TrilliumMarkdown", "TrilliumDirectory", "TrilliumSearch", "TrilliumPlan",
            ],
            swiftSettings: strictSettings
        ),
        // The theme shipped with Trillium, as a resource bundle beside the executable.
        .target(name: "TrilliumDefaultTheme", dependencies: ["TrilliumSource"], resources: [.copy("DefaultTheme")],
                swiftSettings: strictSettings),
        .target(
            name: "TrilliumPipeline",
            dependencies: [
                "TrilliumModel", "TrilliumSource", "TrilliumMarkdown", "TrilliumDirectory", "TrilliumSearch",
                "TrilliumPlan", "TrilliumRender", "TrilliumDefaultTheme",
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TrilliumCheck",
            dependencies: ["TrilliumModel", "TrilliumDirectory", "TrilliumPlan", "TrilliumRender", "TrilliumPipeline"],
            swiftSettings: strictSettings
        ),
        // The live-reload preview server lives apart so the core has no server dependency.
        .target(
            name: "TrilliumPreview",
            dependencies: [
                "TrilliumModel", "TrilliumSource", "TrilliumRender", "TrilliumPipeline",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // The browser editor: mounted by the preview at /_edit/, it checks with TrilliumCheck.
        .target(
            name: "TrilliumEditor",
            dependencies: [
                "TrilliumModel", "TrilliumSource", "TrilliumDirectory", "TrilliumPlan", "TrilliumRender", "TrilliumPipeline",
                "TrilliumCheck", "TrilliumPreview",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "trillium",
            dependencies: [
                "TrilliumModel", "TrilliumSource", "TrilliumRender", "TrilliumPipeline", "TrilliumCheck", "TrilliumPreview", "TrilliumEditor",
                "CJemalloc", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Builds one site from a plain synchronous main, for callgrind (make profile).
        .executableTarget(
            name: "trillium-profile",
            dependencies: ["TrilliumModel", "TrilliumPipeline"],
            path: "Benchmarks/ProfileDriver",
            swiftSettings: strictSettings
        ),
        // Times the preview's response to each kind of edit on a benchmark corpus (make bench).
        .executableTarget(
            name: "trillium-preview-bench",
            dependencies: ["TrilliumModel", "TrilliumPipeline", "CJemalloc"],
            path: "Benchmarks/PreviewDriver",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TrilliumTests",
            dependencies: [
                "TrilliumModel", "TrilliumSource", "TrilliumMarkdown", "TrilliumDirectory", "TrilliumSearch", "TrilliumPlan",
                "TrilliumRender", "TrilliumPipeline", "TrilliumCheck", "TrilliumPreview", "TrilliumDefaultTheme", "TrilliumEditor",
            ],
            swiftSettings: strictSettings
        ),
    ]
)
