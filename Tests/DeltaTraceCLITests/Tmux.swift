import Foundation
import Testing

/// A real terminal for full-screen tests: a detached tmux session of a fixed size running
/// `bash --norc --noprofile` (prompt `PROMPT$ `), in which a command is typed. Keys go in
/// with `send`, the screen comes out as text with `capture`. When the program exits the
/// shell prompt comes back, so a test can also check that the terminal was left usable.
///
///     let tmux = try TmuxSession(width: 80, height: 24,
///                                command: "\(TmuxSession.quoted(try deltatraceBinary().path)) lessons/01-one-neuron.yaml")
///     try tmux.waitFor("δ")
///     tmux.send("q")
///     try tmux.waitForPrompt()
///
/// Each session has its own tmux server (its own socket, no ~/.tmux.conf), killed by
/// `kill()` or when the value goes away, so tests can run in parallel. When tmux is not
/// installed, `init` cancels the running test — it is reported as skipped, not failed.
final class TmuxSession {
    /// The shell prompt shown before and after the command.
    static let prompt = "PROMPT$"

    /// Where tmux is, or nil when it is not installed.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return folders.lazy.map { URL(fileURLWithPath: $0).appendingPathComponent("tmux") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Whether tmux is installed (for `@Test(.enabled(if: TmuxSession.isAvailable))`).
    static var isAvailable: Bool { executable != nil }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let name: String
    let width: Int
    let height: Int
    private let tmux: URL
    private var alive = true

    /// Starts a `width`×`height` session in `directory` (the package root by default) and
    /// types `command` into its shell. `environment` is all the shell gets besides PATH,
    /// HOME, TERM (tmux-256color, or screen when terminfo lacks it), LANG=C.UTF-8 and
    /// SWIFT_BACKTRACE=interactive=no; an entry overrides these (say `LANG: "C"`, or
    /// `NO_COLOR: "1"`), so nothing leaks in from the environment the tests run in.
    init(width: Int, height: Int, command: String, environment: [String: String] = [:],
         directory: URL = packageRoot) throws {
        guard let tmux = Self.executable else {
            let reason = "tmux is not installed: skipping a full-screen test (.ci/run installs it)"
            print("◇ \(reason)")
            #if compiler(>=6.3)
            try Test.cancel(Comment(rawValue: reason))
            #else
            throw Failure(description: reason)
            #endif
        }
        self.tmux = tmux
        self.width = width
        self.height = height
        name = "deltatrace-test-\(getpid())-\(UUID().uuidString.prefix(8))"

        var shellEnvironment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": ProcessInfo.processInfo.environment["HOME"] ?? NSTemporaryDirectory(),
            "TERM": Self.terminalType,
            "LANG": "C.UTF-8",
            "SWIFT_BACKTRACE": "interactive=no",
            "PS1": "\(Self.prompt) ",
        ]
        shellEnvironment.merge(environment) { _, new in new }
        let assignments = shellEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }
        let shell = "exec env -i \(assignments.joined(separator: " ")) bash --norc --noprofile"

        try run(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                 "-c", directory.path, shell])
        // Nothing of the outer environment gets in, and the size stays as asked.
        _ = try? run(["set-option", "-g", "window-size", "manual"])
        _ = try? run(["set-option", "-g", "status", "off"])
        _ = try? run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
        do {
            _ = try waitFor(Self.prompt)
        } catch {
            kill()
            throw error
        }
        type(command)
        send("Enter")
    }

    deinit { kill() }

    /// Sends keys. Each argument is a tmux key name — `Enter`, `Escape`, `Tab`, `BTab`,
    /// `BSpace`, `Space`, `Up`, `Down`, `Left`, `Right`, `Home`, `End`, `PPage`, `NPage`,
    /// `DC`, `IC`, `F1`…`F12`, `C-c`, `M-x` — or else literal text, typed as is:
    /// `send("q")`, `send("δ")`, `send("hello", "Enter")`, `send("C-c")`.
    func send(_ keys: String...) {
        for key in keys {
            if Self.isKeyName(key) {
                _ = try? run(["send-keys", "-t", name, key])
            } else {
                type(key)
            }
        }
    }

    /// Types text literally (even text that looks like a key name, such as "Enter").
    func type(_ text: String) {
        guard !text.isEmpty else { return }
        _ = try? run(["send-keys", "-t", name, "-l", text])
    }

    /// The screen as text, one line per row (`escapes`: with colour and style escapes).
    func capture(escapes: Bool = false) -> String {
        (try? run(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))) ?? ""
    }

    /// The screen's rows, trailing blank rows removed.
    func lines() -> [String] {
        var rows = capture().components(separatedBy: "\n")
        while let last = rows.last, last.trimmingCharacters(in: .whitespaces).isEmpty { rows.removeLast() }
        return rows
    }

    /// Polls the screen until it contains `text` and returns it; throws with the last
    /// screen when `timeout` seconds pass first.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitUntil(timeout: timeout, "the screen to show \"\(text)\"") { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds for it and returns it; throws with the last
    /// screen when `timeout` seconds pass first.
    @discardableResult
    func waitUntil(timeout: Double = 10, _ what: String = "a condition on the screen",
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !condition(screen) {
            guard Date() < deadline else {
                throw Failure(description: "waited \(timeout) s for \(what); the \(width)×\(height) screen was:\n\(Self.framed(screen))")
            }
            Thread.sleep(forTimeInterval: 0.1)
            screen = capture()
        }
        return screen
    }

    /// Waits until the command has exited and the shell shows its prompt again (the last
    /// non-blank row is the bare prompt and bash is the pane's foreground process); returns
    /// the screen.
    @discardableResult
    func waitForPrompt(timeout: Double = 10) throws -> String {
        try waitUntil(timeout: timeout, "the shell prompt to come back") { screen in
            let rows = screen.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            guard rows.last?.trimmingCharacters(in: .whitespaces) == Self.prompt else { return false }
            return foregroundCommand() == "bash"
        }
    }

    /// The name of the pane's foreground process ("bash" once the command has exited).
    func foregroundCommand() -> String {
        ((try? run(["display-message", "-p", "-t", name, "#{pane_current_command}"])) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Changes the terminal's size (the program gets SIGWINCH).
    func resize(width: Int, height: Int) {
        _ = try? run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Ends the session and its tmux server (and so the program in it). Safe to repeat.
    func kill() {
        guard alive else { return }
        alive = false
        _ = try? run(["kill-server"])
    }

    /// A string quoted for bash (single quotes).
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    // MARK: Internals

    /// tmux-256color when this machine's terminfo has it, else screen.
    static let terminalType: String = {
        let folders = ["/usr/share/terminfo", "/lib/terminfo", "/etc/terminfo", "/usr/lib/terminfo"]
        let known = folders.contains { FileManager.default.fileExists(atPath: "\($0)/t/tmux-256color") }
        return known ? "tmux-256color" : "screen"
    }()

    private static let keyNames: Set<String> = [
        "Enter", "Escape", "Tab", "BTab", "BSpace", "Space", "Up", "Down", "Left", "Right",
        "Home", "End", "PPage", "NPage", "PageUp", "PageDown", "DC", "IC", "KPEnter",
    ]

    static func isKeyName(_ key: String) -> Bool {
        if keyNames.contains(key) { return true }
        if key.count > 2, key.dropFirst().first == "-", let first = key.first, "CMS".contains(first) { return true }
        if key.first == "F", let number = Int(key.dropFirst()), (1...20).contains(number) { return true }
        return false
    }

    private static func framed(_ screen: String) -> String {
        screen.components(separatedBy: "\n").map { "  |\($0)" }.joined(separator: "\n")
    }

    /// Runs a tmux command on this session's own server and returns what it printed.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = tmux
        process.arguments = ["-L", name, "-u"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        environment["LC_CTYPE"] = nil
        environment["TMUX"] = nil
        process.environment = environment
        // Output through a file, not a pipe: the server tmux forks must not hold our pipe.
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let output = try FileHandle(forWritingTo: outputURL)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? output.close()
        let text = String(decoding: (try? Data(contentsOf: outputURL)) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(text)")
        }
        return text
    }
}
