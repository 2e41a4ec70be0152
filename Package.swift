// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DeltaTrace",
    products: [
        .library(name: "DeltaCore", targets: ["DeltaCore"]),
    ],
    targets: [
        // The instrumented network: pure Swift, no I/O, no terminal.
        .target(name: "DeltaCore"),
        .testTarget(name: "DeltaCoreTests", dependencies: ["DeltaCore"]),
        // Times training, tracing and stepping on the bundled digits (build with -c release).
        .executableTarget(name: "deltatrace-bench", dependencies: ["DeltaCore"]),
    ]
)
