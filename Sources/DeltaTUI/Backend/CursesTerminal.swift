@preconcurrency import CNcurses
import Foundation

/// The ncurses backend: owns the terminal, feeds a `TerminalProgram` its events and paints
/// the canvas it renders. Nothing else in the TUI touches ncurses.
///
///     var program = MyProgram()
///     let terminal = try CursesTerminal(ascii: TerminalCheck.prefersASCII(),
///                                       color: !TerminalCheck.colorsDisabled())
///     terminal.run(&program)            // returns with the terminal restored
///     if case .signal(let number) = terminal.ending { exit(128 + number) }
///
/// Events: `.resize` first (the current size), then keys; `.tick` every `tickInterval` (100 ms by default) while
/// `program.wantsTicks` is true. While it is false the backend blocks on input and uses no
/// CPU. Ctrl-C arrives as `.key(.interrupt)`; SIGTERM and SIGHUP end `run` at once.
///
/// Standard error is held back while the screen is up (it would scribble over it, and on
/// the alternate screen it would vanish on exit): it goes to an unlinked temporary file and
/// is copied to the real standard error when the screen closes or the process crashes —
/// so a `fatalError` message and a Swift crash report appear below the shell prompt.
///
/// Terminal manners: the terminal is restored when `run` returns (the program quit, a
/// SIGTERM/SIGHUP, a second Ctrl-C the program ignored, or a hang-up) and when the process
/// crashes (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT: the saved terminal modes
/// are put back, the alternate screen left, the cursor shown, then the signal goes on to
/// the previous handler — Swift's crash report — or its default action).
public final class CursesTerminal {
    /// Why `run` returned.
    public enum Ending: Sendable, Hashable {
        /// The program's `handle` returned false.
        case quit
        /// A signal ended the run: SIGTERM, SIGHUP, or SIGINT when the program kept running
        /// after `.interrupt` and Ctrl-C came again. A CLI usually exits with 128 + number.
        case signal(Int32)
        /// The terminal went away (end of input).
        case hangup
    }

    /// A full screen could not be opened.
    public struct OpenError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Why the last `run` returned; nil before `run`.
    public private(set) var ending: Ending?

    /// Whether every cell is drawn as its ASCII stand-in.
    private let ascii: Bool
    /// The curses screen.
    private var screen: OpaquePointer?
    /// Its standard window.
    private var window: UnsafeMutablePointer<WINDOW>?
    /// Where in its life the terminal is.
    private var state = State.open
    /// The colour pairs (nil: no colours).
    private var colors: ColorPairs?
    /// The canvas painted last, so that only changed cells are painted again.
    private var previous: Canvas?
    /// The signal actions replaced while the screen is open, to put back.
    private var savedHandlers: [(Int32, UnsafeMutablePointer<sigaction>)] = []

    /// Open (not yet run), running, or closed (the terminal restored).
    private enum State { case open, running, closed }

    /// Opens the full screen (alternate screen, no echo, keys one at a time, cursor
    /// hidden). `ascii`: draw ASCII stand-ins for every non-ASCII character; `color`: use
    /// colours when the terminal has them (false: attributes only, as with NO_COLOR).
    /// Throws when the terminal cannot be opened (for example an unknown TERM).
    public init(ascii: Bool, color: Bool) throws {
        self.ascii = ascii
        Self.useUTF8Locale()

        // Our handlers go in before newterm: ncurses only installs its own SIGINT/SIGTERM
        // handlers (which exit the process) where the action is still the default.
        SignalState.prepare()
        interruptRequests = 0
        terminateSignal = 0
        for number in [SIGINT, SIGTERM, SIGHUP] {
            let old = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
            if deltatui_catch(number, onQuitSignal, old) == 0 { savedHandlers.append((number, old)) } else { old.deallocate() }
        }

        // The shell's terminal modes, for the crash handler.
        if tcgetattr(STDIN_FILENO, SignalState.termiosStorage) == 0 { crashTermiosValid = 1 }
        SignalState.captureStandardError()

        guard let screen = newterm(nil, deltatui_stdout(), deltatui_stdin()) else {
            SignalState.releaseStandardError()
            restoreHandlers()
            let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
            throw OpenError(description: term.isEmpty
                ? "TERM is not set"
                : "TERM=\(term) is unknown to terminfo, or the terminal cannot be used")
        }
        self.screen = screen
        _ = set_term(screen)
        window = deltatui_stdscr()
        SignalState.installCrashHandlers()

        _ = cbreak()            // keys one at a time; Ctrl-C stays a signal, which we catch
        _ = noecho()
        _ = nonl()              // Enter arrives as 13, not translated
        _ = keypad(window, true)
        _ = intrflush(window, false)
        _ = leaveok(window, true)
        _ = curs_set(0)
        _ = set_escdelay(25)
        if color && has_colors() {
            _ = start_color()
            colors = ColorPairs(limit: Int(deltatui_color_pairs()), defaultsAvailable: use_default_colors() == OK) { pair, fg, bg in
                init_pair(pair, fg, bg) != ERR
            }
        }
    }

    deinit { close() }

    /// Runs the program until its `handle` returns false, a terminating signal arrives or
    /// the terminal goes away; then restores the terminal. Runs once: later calls return at
    /// once (the screen is closed).
    public func run<P: TerminalProgram>(_ program: inout P) {
        guard state == .open, let window else { return }
        state = .running
        defer { close() }

        // INT/TERM/HUP are blocked except while waiting for input (pselect unblocks them
        // atomically), so a signal cannot slip in between checking the flags and blocking.
        // So is WINCH: a resize while a frame is painted or a tick handled would otherwise
        // be noted by curses but not wake pselect, and with ticks (a lesson file is watched
        // on every tick) pselect would time out without reading the resize.
        // Threads the program starts from now on inherit the mask, so the signals come here.
        var blocked = sigset_t(), original = sigset_t()
        sigemptyset(&blocked)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&blocked, number) }
        pthread_sigmask(SIG_BLOCK, &blocked, &original)
        defer { pthread_sigmask(SIG_SETMASK, &original, nil) }
        // A fault with its signal blocked kills at once, without the crash handler.
        var faults = sigset_t()
        sigemptyset(&faults)
        for number in crashSignals { sigaddset(&faults, number) }
        pthread_sigmask(SIG_UNBLOCK, &faults, nil)
        // While waiting, these are open even if the thread that calls `run` had them blocked
        // (a Dispatch worker blocks nearly all, and a child inherits the mask): without it no
        // resize, Ctrl-C or Ctrl-Z would be noticed.
        var waiting = original
        for number in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT] { sigdelset(&waiting, number) }
        // A signal that lands on another thread is passed on to this one, so that pselect
        // wakes up even when `run` is not on the main thread (an async main, say).
        runThread = pthread_self()
        runThreadKnown = 1
        defer { runThreadKnown = 0 }

        ending = nil
        var width = Int(deltatui_width(window)), height = Int(deltatui_height(window))
        guard program.handle(.resize(width: width, height: height)) else { ending = .quit; return }

        var ticking = false
        var lastTick = DispatchTime.now().uptimeNanoseconds
        var lastInterrupt: UInt64 = 0
        var idleReadable = 0

        loop: while true {
            paint(program, width: width, height: height)

            if program.wantsTicks != ticking {
                ticking = program.wantsTicks
                lastTick = DispatchTime.now().uptimeNanoseconds
            }
            let interval = program.tickInterval.components
            let tickInterval = UInt64(max(0, interval.seconds)) * 1_000_000_000 + UInt64(max(0, interval.attoseconds / 1_000_000_000))
            var timeout: Int32 = -1
            if ticking {
                let elapsed = DispatchTime.now().uptimeNanoseconds &- lastTick
                timeout = elapsed >= tickInterval ? 0 : Int32((tickInterval - elapsed + 999_999) / 1_000_000)
            }
            let ready = (interruptRequests != 0 || terminateSignal != 0)
                ? -1 : deltatui_wait_readable(STDIN_FILENO, timeout, &waiting)

            // Signals first.
            if terminateSignal != 0 {
                ending = .signal(terminateSignal)
                break loop
            }
            if interruptRequests != 0 {
                interruptRequests = 0
                let now = DispatchTime.now().uptimeNanoseconds
                // A second Ctrl-C within 2 s that the program did not act on ends the run.
                if lastInterrupt != 0 && now &- lastInterrupt < 2_000_000_000 {
                    ending = .signal(SIGINT)
                    break loop
                }
                lastInterrupt = now
                guard program.handle(.key(.interrupt)) else { ending = .quit; break loop }
            }

            // Then every key that is waiting (a burst of keys → one frame).
            if ready > 0 || ready < 0 {
                var got = 0
                wtimeout(window, 0)
                while got < 512 {
                    var wide: wint_t = 0
                    let status = wget_wch(window, &wide)
                    if status == ERR { break }
                    got += 1
                    let event: Event?
                    if status == KEY_CODE_YES {
                        if Int32(wide) == KEY_RESIZE {
                            width = Int(deltatui_width(window))
                            height = Int(deltatui_height(window))
                            previous = nil
                            _ = clearok(deltatui_curscr(), true)
                            event = .resize(width: width, height: height)
                        } else {
                            event = KeyDecoder.key(code: Int32(wide)).map(Event.key)
                        }
                    } else if wide == 27, let sequence = unknownSequence(window) {
                        // An escape sequence terminfo does not list for this TERM (say Home
                        // as ESC [ 1 ~ under TERM=xterm): decoded here, never leaked as
                        // Escape followed by "[", "1", "~".
                        event = sequence.map(Event.key)
                        if event == nil { continue }
                    } else {
                        event = KeyDecoder.key(character: UInt32(wide)).map(Event.key)
                    }
                    guard let event else { continue }
                    if case .key(.interrupt) = event { lastInterrupt = DispatchTime.now().uptimeNanoseconds }
                    guard program.handle(event) else { ending = .quit; break loop }
                }
                if ready > 0 && got == 0 {
                    // Readable but no key: either half an escape sequence or end of input.
                    idleReadable += 1
                    if Self.hungUp() || idleReadable > 200 { ending = .hangup; break loop }
                } else {
                    idleReadable = 0
                }
            }

            if ticking {
                let now = DispatchTime.now().uptimeNanoseconds
                if now &- lastTick >= tickInterval {
                    lastTick = now
                    guard program.handle(.tick) else { ending = .quit; break loop }
                }
            }
        }
    }

    // MARK: Painting

    /// Renders the program and paints the cells that changed.
    private func paint<P: TerminalProgram>(_ program: P, width: Int, height: Int) {
        guard let window else { return }
        var canvas = Canvas(width: width, height: height)
        program.render(into: &canvas)
        if ascii { canvas = canvas.asciiOnly() }
        let old = previous.flatMap { $0.width == width && $0.height == height ? $0 : nil }
        for y in 0..<height {
            for x in 0..<width {
                let cell = canvas[x, y]
                if let old, old[x, y] == cell { continue }
                put(cell, x: x, y: y, last: x == width - 1 && y == height - 1, window: window)
            }
        }
        previous = canvas
        _ = wrefresh(window)
    }

    /// Paints one cell.
    private func put(_ cell: Cell, x: Int, y: Int, last: Bool, window: UnsafeMutablePointer<WINDOW>) {
        var wide = Self.wideCharacters(cell.character)
        var attributes = deltatui_A_NORMAL()
        if cell.style.bold { attributes |= deltatui_A_BOLD() }
        if cell.style.dim { attributes |= deltatui_A_DIM() }
        if cell.style.reverse { attributes |= deltatui_A_REVERSE() }
        if cell.style.underline { attributes |= deltatui_A_UNDERLINE() }
        let pair = colors?.pair(for: cell.style) ?? 0
        var complex = cchar_t()
        if setcchar(&complex, &wide, attributes, pair, nil) == ERR {
            var question: [wchar_t] = [wchar_t(UInt8(ascii: "?")), 0]
            _ = setcchar(&complex, &question, attributes, pair, nil)
        }
        // The bottom-right cell is inserted, not added: adding there would move the cursor
        // past the end of the screen (an error, and a scroll on some terminals).
        if last {
            _ = mvwins_wch(window, Int32(y), Int32(x), &complex)
        } else {
            _ = mvwadd_wch(window, Int32(y), Int32(x), &complex)
        }
    }

    /// The character as a NUL-terminated wide string of one column: control characters and
    /// characters that are not one column wide (wide CJK, emoji, a lone combining mark)
    /// become "?", since the canvas gives every character exactly one cell.
    static func wideCharacters(_ character: Character) -> [wchar_t] {
        let scalars = Array(character.unicodeScalars.prefix(4))
        guard let first = scalars.first, deltatui_wcwidth(wchar_t(first.value)) == 1 else {
            return character == " " ? [32, 0] : [wchar_t(UInt8(ascii: "?")), 0]
        }
        return scalars.map { wchar_t($0.value) } + [0]
    }

    // MARK: Keys

    /// After an Escape from ncurses: when "[" or "O" follows at once (ncurses has the rest
    /// of an unrecognised sequence buffered), reads the sequence and returns its key —
    /// `.some(nil)` for a sequence with no `Key` (Insert, F13, a mouse report). Returns nil
    /// when Escape stands alone, leaving what follows to be read as keys.
    private func unknownSequence(_ window: UnsafeMutablePointer<WINDOW>) -> Key?? {
        var next: wint_t = 0
        let status = wget_wch(window, &next)
        if status == KEY_CODE_YES { _ = ungetch(Int32(next)) }   // Alt+arrow and the like
        guard status == OK else { return nil }
        guard next == 0x5B || next == 0x4F else {   // "[" or "O"
            _ = unget_wch(wchar_t(next))
            return nil
        }
        var body: [UInt32] = []
        while body.count < 16 {
            var part: wint_t = 0
            guard wget_wch(window, &part) == OK else { break }
            body.append(UInt32(part))
            if next == 0x4F || (0x40...0x7E).contains(part) { break }
        }
        return .some(KeyDecoder.key(sequence: UInt8(next), body: body))
    }

    /// Whether standard input has hung up (the terminal is gone).
    private static func hungUp() -> Bool {
        var entry = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, 0) >= 0 else { return false }
        return entry.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    // MARK: Set-up and tear-down

    /// Makes LC_CTYPE UTF-8 for ncurses: the user's locale when it is UTF-8, else C.UTF-8
    /// (ncurses then decodes typed UTF-8 and can hold wide characters). Only LC_CTYPE is
    /// changed: LC_NUMERIC and the rest stay "C", so printf-style number formatting in the
    /// program is unaffected. What is drawn is decided by `ascii`, not by this.
    private static func useUTF8Locale() {
        _ = setlocale(LC_CTYPE, "")
        if currentCodesetIsUTF8() { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if currentCodesetIsUTF8() { return }
        }
    }

    private static func currentCodesetIsUTF8() -> Bool {
        guard let codeset = deltatui_current_codeset() else { return false }
        return TerminalCheck.isUTF8(String(cString: codeset))
    }

    private func close() {
        guard state != .closed else { return }
        state = .closed
        if let screen {
            _ = curs_set(1)
            _ = endwin()
            delscreen(screen)
            self.screen = nil
            window = nil
        }
        fflush(nil)
        SignalState.releaseStandardError()
        SignalState.removeCrashHandlers()
        crashTermiosValid = 0
        restoreHandlers()
    }

    private func restoreHandlers() {
        for (number, old) in savedHandlers {
            _ = deltatui_restore_action(number, old)
            old.deallocate()
        }
        savedHandlers = []
    }
}

// MARK: - Signals

// Written by the signal handlers, read by the run loop. sig_atomic_t; the loop reads them
// after pselect/wget_wch return, calls the compiler cannot see through.
nonisolated(unsafe) private var interruptRequests: sig_atomic_t = 0
nonisolated(unsafe) private var terminateSignal: sig_atomic_t = 0
nonisolated(unsafe) private var crashTermiosValid: sig_atomic_t = 0
nonisolated(unsafe) private var runThread = pthread_t()
nonisolated(unsafe) private var runThreadKnown: sig_atomic_t = 0

nonisolated(unsafe) private var forwardedSignal: sig_atomic_t = 0

private let onQuitSignal: @convention(c) (Int32) -> Void = { number in
    let onRunThread = runThreadKnown == 0 || pthread_equal(pthread_self(), runThread) != 0
    if onRunThread && forwardedSignal == number {
        forwardedSignal = 0     // only the wake-up of a signal already recorded below
        return
    }
    if number == SIGINT { interruptRequests = 1 } else { terminateSignal = number }
    // Forward to the thread in `run` (it has the signal blocked except inside pselect),
    // so that its pselect returns.
    if !onRunThread {
        forwardedSignal = number
        _ = pthread_kill(runThread, number)
    }
}

private let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

/// Storage the crash handler reads: allocated once and never freed, so that a handler
/// never allocates or touches a Swift collection.
private enum SignalState {
    nonisolated(unsafe) static var termiosStorage = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) static var previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) static var installed = false
    nonisolated(unsafe) static var alternateStack: UnsafeMutableRawPointer?
    /// The real standard error while it is captured (-1: not captured), and the capture.
    nonisolated(unsafe) static var realStandardError: Int32 = -1
    nonisolated(unsafe) static var captureFile: Int32 = -1
    nonisolated(unsafe) static var copyBuffer = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 16)

    /// Touches every global the handlers read, so none is lazily initialised in a handler.
    static func prepare() {
        _ = termiosStorage
        _ = realStandardError
        _ = captureFile
        _ = copyBuffer
        _ = previousActions
        interruptRequests = 0
        terminateSignal = 0
        crashTermiosValid = 0
        runThreadKnown = 0
        forwardedSignal = 0
        _ = runThread
        _ = onQuitSignal
        _ = onCrash
        _ = crashSignals
    }

    /// Sends standard error to an unlinked temporary file until `releaseStandardError`.
    static func captureStandardError() {
        guard realStandardError < 0 else { return }
        var template = Array("/tmp/deltatrace-stderr-XXXXXX".utf8CString)
        let file = mkstemp(&template)
        guard file >= 0 else { return }
        unlink(&template)
        fflush(nil)
        let saved = dup(STDERR_FILENO)
        guard saved >= 0, dup2(file, STDERR_FILENO) >= 0 else {
            if saved >= 0 { Glibc.close(saved) }
            Glibc.close(file)
            return
        }
        captureFile = file
        realStandardError = saved
    }

    /// Puts the real standard error back and copies what was captured to it.
    static func releaseStandardError() {
        guard realStandardError >= 0 else { return }
        fflush(nil)
        restoreStandardError()
        Glibc.close(captureFile)
        Glibc.close(realStandardError)
        captureFile = -1
        realStandardError = -1
    }

    /// The async-signal-safe part (dup2, pread, write), shared with the crash handler.
    static func restoreStandardError() {
        let saved = realStandardError, file = captureFile
        guard saved >= 0, file >= 0 else { return }
        _ = dup2(saved, STDERR_FILENO)
        var offset: off_t = 0
        while true {
            let count = pread(file, copyBuffer, 4096, offset)
            if count <= 0 { break }
            var written = 0
            while written < count {
                let step = write(STDERR_FILENO, copyBuffer + written, count - written)
                if step <= 0 { return }
                written += step
            }
            offset += off_t(count)
        }
    }

    static func installCrashHandlers() {
        guard !installed else { return }
        // A stack overflow needs an alternate stack to run the handler on.
        var current = stack_t()
        if sigaltstack(nil, &current) == 0 && current.ss_flags & Int32(SS_DISABLE) != 0 {
            let size = 64 * 1024
            let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
            if sigaltstack(&stack, nil) == 0 { alternateStack = memory } else { memory.deallocate() }
        }
        for number in crashSignals {
            _ = deltatui_catch_crash(number, onCrash, previousActions + Int(number))
        }
        installed = true
    }

    static func removeCrashHandlers() {
        guard installed else { return }
        for number in crashSignals { _ = deltatui_restore_action(number, previousActions + Int(number)) }
        installed = false
        // The alternate stack stays: another handler may have been installed to use it.
    }
}

private let onCrash: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { number, info, _ in
    if crashTermiosValid != 0 { _ = tcsetattr(STDIN_FILENO, TCSANOW, SignalState.termiosStorage) }
    let reset: StaticString = "\u{1b}[?1049l\u{1b}[?25h\u{1b}[0m"
    _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
    // What went to standard error meanwhile (a fatalError message) goes to the terminal.
    SignalState.restoreStandardError()
    SignalState.realStandardError = -1
    // Hand the signal on: to the previous handler (Swift's crash report) or the default.
    _ = deltatui_restore_action(number, SignalState.previousActions + Int(number))
    if deltatui_sent_by_user(info) != 0 || number == SIGTRAP || number == SIGABRT {
        _ = raise(number)   // delivered when this handler returns
    }
    // A fault (SIGSEGV, SIGILL from a Swift trap, ...) simply happens again on return.
}
