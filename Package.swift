// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Trillium",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "trillium", targets: ["trillium"]),
        .library(name: "Trillium", targets: ["Trillium"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The only code that knows cmark-gfm is a C library: a module map and a shim header.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "Trillium",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("DefaultTheme")],
            swiftSettings: strictSettings
        ),
        // The live-reload preview server lives apart so the core has no server dependency.
        .target(
            name: "TrilliumPreview",
            dependencies: [
                "Trillium",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "trillium",
            dependencies: [
                "Trillium",
                "TrilliumPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TrilliumTests",
            dependencies: ["Trillium", "TrilliumPreview"],
            exclude: [],
            swiftSettings: strictSettings
        ),
    ]
)
