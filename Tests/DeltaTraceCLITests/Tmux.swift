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
    /// The tmux server's process id, for `kill` when kill-server is not enough.
    private var serverPID: pid_t = 0

    /// Starts a `width`×`height` session in `directory` (the package root by default) and
    /// types `command` into its shell. `environment` is all the shell gets besides PATH,
    /// HOME, TERM (tmux-256color, or screen when terminfo lacks it), LANG=C.UTF-8 and
    /// SWIFT_BACKTRACE=interactive=no; an entry overrides these (say `LANG: "C"`, or
    /// `NO_COLOR: "1"`), so nothing leaks in from the environment the tests run in.
    init(width: Int, height: Int, command: String, environment: [String: String] = [:],
         directory: URL = packageRoot) throws {
        tmux = try Self.requireTmux()
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
        // The size stays as asked (no client decides it), and there is no status line.
        _ = try? run(["set-option", "-g", "window-size", "manual"])
        _ = try? run(["set-option", "-g", "status", "off"])
        _ = try? run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
        serverPID = pid_t((try? run(["display-message", "-p", "-t", name, "#{pid}"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
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

    /// tmux, or else the running test is cancelled: reported as skipped, not failed.
    private static func requireTmux() throws -> URL {
        if let executable { return executable }
        let reason = "tmux is not installed: skipping a full-screen test (.ci/run installs it)"
        print("◇ \(reason)")
        #if compiler(>=6.3)
        try Test.cancel(Comment(rawValue: reason))
        #else
        throw Failure(description: reason)
        #endif
    }

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

    /// The screen as text, one line per row (`escapes`: with colour and style escapes;
    /// `scrollback`: with the lines that scrolled off the top, such as the start of a crash
    /// report).
    func capture(escapes: Bool = false, scrollback: Bool = false) -> String {
        (try? run(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []) + (scrollback ? ["-S", "-"] : []))) ?? ""
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
        // kill-server is a SIGTERM the server sends itself; should it not take, SIGKILL the
        // server and the processes in its panes, so that no test leaves a session behind.
        guard serverPID > 0 else { return }
        let deadline = Date().addingTimeInterval(3)
        while Self.isRunning(serverPID) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard Self.isRunning(serverPID) else { return }
        let children = (try? String(contentsOfFile: "/proc/\(serverPID)/task/\(serverPID)/children", encoding: .utf8)) ?? ""
        for child in children.split(separator: " ").compactMap({ pid_t($0) }) {
            Glibc.kill(-child, SIGKILL)   // the pane's process group, then the pane itself
            Glibc.kill(child, SIGKILL)
        }
        Glibc.kill(serverPID, SIGKILL)
    }

    /// Whether a process exists and is not a zombie.
    private static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[close...].dropFirst(2).hasPrefix("Z")
    }

    /// A session of this size running the built `deltatrace` with these arguments (already
    /// quoted for bash where they need it).
    static func deltatrace(_ arguments: String, width: Int = 80, height: Int = 24,
                           environment: [String: String] = [:]) throws -> TmuxSession {
        try TmuxSession(width: width, height: height, command: "\(quoted(try deltatraceBinary().path)) \(arguments)", environment: environment)
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
        if key.first == "F", let number = Int(key.dropFirst()), (1...12).contains(number) { return true }
        return false
    }

    private static func framed(_ screen: String) -> String {
        screen.components(separatedBy: "\n").map { "  |\($0)" }.joined(separator: "\n")
    }

    /// Runs a tmux command on this session's own server and returns what it printed.
    ///
    /// Not with Foundation's `Process`: on Linux it hands the child a socket that it watches
    /// to learn of the exit, and the tmux server that `new-session` forks inherits it, so
    /// `waitUntilExit` would wait for the server. posix_spawn, with every descriptor above
    /// stderr closed in the child, and waitpid do not have that problem.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).out").path
        defer { unlink(outputPath) }
        let status = try Self.spawnAndWait(tmux.path, ["tmux", "-L", name, "-u"] + arguments, output: outputPath)
        let text = String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (status \(status)): \(text)")
        }
        return text
    }

    /// Runs `path` with `arguments` (argv[0] first), stdin from /dev/null and stdout and
    /// stderr into the file `output`, and returns its exit status.
    private static func spawnAndWait(_ path: String, _ arguments: [String], output: String) throws -> Int32 {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        environment["LC_CTYPE"] = nil
        environment["TMUX"] = nil

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Descriptors this test process has open without close-on-exec (pipes to
        // `swift test`, say) must not live on in the tmux server.
        let limit = min(Int32(sysconf(Int32(_SC_OPEN_MAX))), 1024)
        for descriptor in 3..<max(limit, 3) where fcntl(descriptor, F_GETFD) >= 0 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // A clean signal state, as a shell in a terminal would have. Test threads (Dispatch
        // workers) block nearly every signal, and a child inherits the mask: the tmux server
        // would ignore kill-server (it is a SIGTERM to itself) and the program under test
        // would never see SIGWINCH or Ctrl-C.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(path): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(description: "waitpid: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS, which do not import.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
