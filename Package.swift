// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DeltaTrace",
    products: [
        .library(name: "DeltaCore", targets: ["DeltaCore"]),
        .library(name: "DeltaText", targets: ["DeltaText"]),
        .library(name: "DeltaLessons", targets: ["DeltaLessons"]),
        .executable(name: "deltatrace", targets: ["deltatrace"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),  // 1.6: three-argument custom completions
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The instrumented network: pure Swift, no I/O, no terminal.
        .target(name: "DeltaCore"),
        .testTarget(name: "DeltaCoreTests", dependencies: ["DeltaCore"]),
        // Words and numbers for people, without a terminal: number formatting, formulas as
        // text, step titles and the narrator of facts. The screen, the CLI, transcripts and
        // SVG labels all render through it.
        .target(name: "DeltaText", dependencies: ["DeltaCore"]),
        .testTarget(name: "DeltaTextTests", dependencies: ["DeltaText"]),
        // Lesson files (YAML) and data files (CSV) → validated lessons, with located errors.
        .target(name: "DeltaLessons", dependencies: ["DeltaCore", "DeltaText", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "DeltaLessonsTests", dependencies: ["DeltaLessons"]),
        // The command-line tool: argument parsing and output; the work is in the libraries.
        .executableTarget(name: "deltatrace", dependencies: [
            "DeltaCore", "DeltaText", "DeltaLessons", "DeltaTUI", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The terminal UI: Model–Update–View into a cell grid; ncurses only paints it.
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(name: "DeltaTUI", dependencies: ["DeltaCore", "DeltaText", "DeltaLessons", "CNcurses"]),
        .testTarget(name: "DeltaTUITests", dependencies: ["DeltaTUI"]),
        // Runs the real binary on real lesson files and reads what it prints.
        .testTarget(name: "DeltaTraceCLITests", dependencies: ["deltatrace"]),
        // Times training, tracing and stepping on the bundled digits (build with -c release).
        .executableTarget(name: "deltatrace-bench", dependencies: ["DeltaCore"]),
    ]
)
