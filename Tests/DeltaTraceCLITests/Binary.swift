import Foundation
import Testing

/// The package's root folder.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// What a run of the real `deltatrace` binary printed and how it exited.
struct Outcome {
    let status: Int32
    let stdout: String
    let stderr: String
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }
}

/// The built `deltatrace` executable, next to the test bundle.
func deltatraceBinary() throws -> URL {
    let candidates = [
        Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("deltatrace"),
        Bundle.main.bundleURL.appendingPathComponent("deltatrace"),
        packageRoot.appendingPathComponent(".build/debug/deltatrace"),
    ]
    return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                        "deltatrace is not built; looked at \(candidates.map(\.path))")
}

/// Runs `deltatrace` with arguments, in `directory` (the package root by default).
func deltatrace(_ arguments: [String], in directory: URL = packageRoot) throws -> Outcome {
    let process = Process()
    process.executableURL = try deltatraceBinary()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting, so a large output cannot block the child.
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                   stderr: String(decoding: stderrData, as: UTF8.self))
}

/// A temporary folder holding the given files, removed when the body returns.
func withFiles<T>(_ files: [String: String], _ body: (URL) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deltatrace-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, text) in files {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return try body(dir)
}

/// One JSON object per line.
func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}
