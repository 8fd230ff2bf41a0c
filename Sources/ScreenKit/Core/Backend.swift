/// What a terminal must do for the console. The ncurses backend is one; `TestBackend` is another.
/// Backends draw a whole `ScreenBuffer` and decide themselves what changed.
public protocol TerminalBackend: AnyObject {
    /// Current size in columns and rows.
    var size: Size { get }
    /// Draws `frame`, sending only the cells that differ from the last frame drawn, then flushes once.
    func draw(_ frame: ScreenBuffer)
    /// Waits up to `timeoutMilliseconds` for a key; nil when none came. A negative timeout waits forever.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Forgets what is on screen so the next `draw` repaints everything (after a resize or resume).
    func invalidate()
    /// Where the text cursor should show (an input field), or nil to hide it.
    func setCursor(_ position: Point?)
}
