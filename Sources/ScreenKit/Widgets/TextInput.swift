/// Draws a one-line text field for a `TextInputState`: the text scrolls sideways so the cursor is always
/// visible, a placeholder shows in `.muted` while the field is empty, and when focused the terminal
/// cursor is placed in it (`ScreenBuffer.cursor`).
public struct TextInput: Sendable {
    public var placeholder: String
    public var focused: Bool
    /// The field's role; by default `.inputFocus` when focused, `.input` otherwise.
    public var role: StyleRole?

    public init(placeholder: String = "", focused: Bool = true, role: StyleRole? = nil) {
        self.placeholder = placeholder
        self.focused = focused
        self.role = role
    }

    /// Draws into the first row of `area`.
    public func render(into buffer: inout ScreenBuffer, area: Rect, state: TextInputState) {
        guard !area.isEmpty else { return }
        let line = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        let fieldRole = role ?? (focused ? .inputFocus : .input)
        buffer.fill(line, role: fieldRole)
        if state.isEmpty {
            if !placeholder.isEmpty {
                buffer.put(placeholder.ellipsized(toWidth: line.width), x: line.x, y: line.y, role: .muted, clip: line)
            }
            if focused { buffer.cursor = Point(x: line.x, y: line.y) }
            return
        }
        let chars = state.characters
        let start = TextInput.firstVisibleCharacter(chars, cursor: state.cursor, width: line.width)
        // A selected suggestion is drawn as selected text so the clerk sees typing will replace it.
        let textRole: StyleRole = focused && state.isAllSelected ? .selection : fieldRole
        buffer.put(String(chars[start...]), x: line.x, y: line.y, role: textRole, clip: line)
        if focused {
            let column = DisplayWidth.of(String(chars[start..<state.cursor]))
            buffer.cursor = Point(x: line.x + min(column, line.width - 1), y: line.y)
        }
    }

    /// The first character shown so that the cursor cell fits in `width` columns: 0 while it fits,
    /// otherwise the text scrolls just enough that the cursor sits in the last column.
    static func firstVisibleCharacter(_ chars: [Character], cursor: Int, width: Int) -> Int {
        var columns = 1 // the cursor's own cell
        var start = cursor
        while start > 0 {
            let w = DisplayWidth.of(chars[start - 1])
            if columns + w > width { break }
            columns += w
            start -= 1
        }
        return start
    }
}
