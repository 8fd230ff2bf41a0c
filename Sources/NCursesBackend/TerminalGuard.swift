#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Puts the terminal back the way the user had it, whatever way the process ends: normal exit,
/// `exit()` from anywhere (atexit), SIGTERM/SIGHUP/SIGINT/SIGQUIT, and crashes (SIGSEGV, SIGILL,
/// SIGTRAP, SIGABRT, SIGBUS, SIGFPE). The restore runs exactly once per curses session; signal
/// handlers then hand the signal on (to the handler that was there before, such as the Swift
/// runtime's backtracer, or the default action) so the exit status stays honest.
///
/// While curses runs, stderr (when it is the terminal) goes to an unlinked temporary file, so
/// warnings and crash messages cannot scribble over the screen or vanish with the alternate screen;
/// the file is copied to the real stderr right after the terminal is restored.
///
/// `NCursesTerminal.start` installs the guard itself; calling `install()` earlier is harmless.
public enum TerminalGuard {
    /// Saves the terminal settings and installs the handlers. Idempotent.
    /// - Parameter captureStderr: hold stderr output back while curses runs (see above).
    public static func install(captureStderr: Bool = true) {
        guard !GuardStorage.installed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // Touch every lazily created global now, so no handler ever runs their initializers.
        let state = GuardStorage.state
        _ = GuardStorage.previousActions
        _ = GuardStorage.copyBuffer
        _ = GuardStorage.cursesActive.load(ordering: .relaxed)
        _ = GuardStorage.stderrCaptured.load(ordering: .relaxed)
        state.pointee.captureStderr = captureStderr
        saveTerminalSettings()
        installAlternateSignalStack()

        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in terminationSignals + crashSignals { sigaddset(&handled, signal) }

        for signal in terminationSignals + crashSignals {
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            GuardStorage.previousActions[Int(signal)] = previous
            // Respect signals ignored by whoever started us (nohup, `cmd &` in a script).
            if terminationSignals.contains(signal), handlerBits(previous) == signalIgnoreBits { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = terminalGuardHandleSignal
            action.sa_mask = handled
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND) | Int32(truncatingIfNeeded: SA_ONSTACK)
                | Int32(truncatingIfNeeded: SA_SIGINFO)
            sigaction(signal, &action, nil)
        }
        atexit(terminalGuardAtExit)
    }

    /// Both standard input and output are a terminal: the console can run.
    public static func stdoutIsTerminal() -> Bool { isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 }

    static let terminationSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE]

    /// What is written on a crash or kill: leave the alternate screen, show the cursor, reset colors
    /// and attributes, keypad back to normal mode.
    /// (Computed, so the handler reads a constant rather than a lazily initialized global.)
    static var resetSequence: StaticString { "\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\u{1B}[?1l\u{1B}>" }

    // MARK: Session bookkeeping (called by NCursesTerminal)

    /// Just before `newterm`: remember the settings to return to and start holding stderr back.
    static func cursesWillStart() {
        if !GuardStorage.cursesActive.load(ordering: .acquiring) { saveTerminalSettings() }
        beginStderrCapture()
    }

    /// Curses owns the terminal: from now on a signal must restore it.
    static func cursesDidStart() { GuardStorage.cursesActive.store(true, ordering: .releasing) }

    /// Curses is about to give the terminal back itself (endwin): signals need not restore it.
    static func cursesWillStop() { GuardStorage.cursesActive.store(false, ordering: .releasing) }

    /// The session is over: show what was written to stderr meanwhile.
    static func cursesDidStop() { endStderrCapture() }

    // MARK: Restoring (async-signal-safe: only atomics, plain memory and system calls)

    static func restoreFromSignalOrExit() {
        if GuardStorage.cursesActive.exchange(false, ordering: .acquiringAndReleasing) {
            let state = GuardStorage.state
            if state.pointee.hasSavedTermios { tcsetattr(STDIN_FILENO, TCSANOW, &state.pointee.savedTermios) }
            write(STDOUT_FILENO, resetSequence.utf8Start, resetSequence.utf8CodeUnitCount)
        }
        endStderrCapture()
    }

    /// Gives a caught signal back to whoever had it before us (or the default action).
    /// A crash signal sent by another process (`kill -SEGV`, si_code ≤ 0) goes to the default action:
    /// the Swift runtime's backtracer returns after reporting, expecting the faulting instruction to
    /// fault again, and with no fault the process would carry on in a broken state.
    static func passOn(_ signal: Int32, sentByProcess: Bool = false) {
        guard signal > 0, signal < GuardStorage.signalSlots else { return }
        var previous = GuardStorage.previousActions[Int(signal)]
        if isCrashSignal(signal), handlerBits(previous) == signalIgnoreBits || sentByProcess {
            previous = sigaction() // SIG_DFL: an ignored crash would spin on the faulting instruction
        }
        sigaction(signal, &previous, nil)
        // Pending until this handler returns and the signal is unblocked; then the restored action
        // runs. (For a fault, the instruction also faults again into that action.)
        raise(signal)
    }

    /// A switch rather than `crashSignals.contains`, so the handler touches no array.
    private static func isCrashSignal(_ signal: Int32) -> Bool {
        switch signal {
        case SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE: return true
        default: return false
        }
    }

    private static func endStderrCapture() {
        guard GuardStorage.stderrCaptured.exchange(false, ordering: .acquiringAndReleasing) else { return }
        let state = GuardStorage.state
        let capture = state.pointee.captureFD, original = state.pointee.originalStderrFD
        dup2(original, STDERR_FILENO)
        close(original)
        lseek(capture, 0, SEEK_SET)
        let buffer = GuardStorage.copyBuffer
        copying: while true {
            let n = read(capture, buffer, GuardStorage.copyBufferSize)
            if n <= 0 { break }
            var offset = 0
            while offset < n {
                let written = write(STDERR_FILENO, buffer + offset, n - offset)
                if written <= 0 { break copying }
                offset += written
            }
        }
        close(capture)
    }

    // MARK: Setup (normal context)

    private static func saveTerminalSettings() {
        let state = GuardStorage.state
        state.pointee.hasSavedTermios = tcgetattr(STDIN_FILENO, &state.pointee.savedTermios) == 0
    }

    /// So a stack overflow (SIGSEGV on the guard page) can still run the handler. Main thread only:
    /// alternate stacks are per thread.
    private static func installAlternateSignalStack() {
        var current = stack_t()
        if sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) == 0 { return } // one is set up
        let size = 256 * 1024
        guard let memory = malloc(size) else { return }
        var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
        if sigaltstack(&stack, nil) != 0 { free(memory) }
    }

    private static func beginStderrCapture() {
        let state = GuardStorage.state
        guard state.pointee.captureStderr, isatty(STDERR_FILENO) == 1,
              !GuardStorage.stderrCaptured.load(ordering: .acquiring) else { return }
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/advisor-stderr-XXXXXX".utf8CString)
        let capture = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard capture >= 0 else { return }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let original = dup(STDERR_FILENO)
        guard original >= 0 else {
            close(capture)
            return
        }
        _ = fcntl(capture, F_SETFD, FD_CLOEXEC)
        _ = fcntl(original, F_SETFD, FD_CLOEXEC)
        fflush(nil)
        dup2(capture, STDERR_FILENO)
        state.pointee.captureFD = capture
        state.pointee.originalStderrFD = original
        GuardStorage.stderrCaptured.store(true, ordering: .releasing)
    }

    private static let signalIgnoreBits = 1

    /// SIG_DFL is 0 and SIG_IGN is 1 in the handler slot.
    private static func handlerBits(_ action: sigaction) -> Int {
        unsafeBitCast(action.__sigaction_handler, to: Int.self)
    }
}

/// Storage the signal handlers read. Everything is created in `install()` before any handler is
/// installed and never freed, and is reached through `let` constants, so a handler never runs an
/// initializer, allocates, takes a lock or triggers an exclusivity check. Writes happen on the
/// thread that starts and stops curses; the atomics decide who restores, so each session is
/// restored exactly once even when a signal races a normal stop.
enum GuardStorage {
    struct State {
        var savedTermios = termios()
        var hasSavedTermios = false
        var captureStderr = true
        var captureFD: Int32 = -1
        var originalStderrFD: Int32 = -1
    }

    static var signalSlots: Int32 { 65 }
    static var copyBufferSize: Int { 4096 }

    nonisolated(unsafe) static let state: UnsafeMutablePointer<State> = {
        let pointer = UnsafeMutablePointer<State>.allocate(capacity: 1)
        pointer.initialize(to: State())
        return pointer
    }()

    nonisolated(unsafe) static let previousActions: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(signalSlots))
        pointer.initialize(repeating: sigaction(), count: Int(signalSlots))
        return pointer
    }()

    nonisolated(unsafe) static let copyBuffer: UnsafeMutableRawPointer =
        UnsafeMutableRawPointer.allocate(byteCount: copyBufferSize, alignment: 16)

    static let installed = Atomic<Bool>(false)
    static let cursesActive = Atomic<Bool>(false)
    static let stderrCaptured = Atomic<Bool>(false)
}

private func terminalGuardHandleSignal(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?,
                                       _ context: UnsafeMutableRawPointer?) {
    let savedErrno = errno
    TerminalGuard.restoreFromSignalOrExit()
    TerminalGuard.passOn(signal, sentByProcess: (info?.pointee.si_code ?? 0) <= 0)
    errno = savedErrno
}

private func terminalGuardAtExit() {
    TerminalGuard.restoreFromSignalOrExit()
}
