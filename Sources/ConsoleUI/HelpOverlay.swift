import ConsoleCore
import ScreenKit

/// The `?` overlay: every key binding with its help, generated from the KeyMap. When the list is
/// taller than the screen it flows into a second column, so no binding is ever cut off.
enum HelpOverlay {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, border: BorderStyle) {
        let lines = KeyMap.helpLines(for: state)
        let maxRows = max(1, buffer.size.height - 2 - 3)
        let columns = lines.count > maxRows ? 2 : 1
        let rows = (lines.count + columns - 1) / columns
        let width = min(buffer.size.width - 4, columns == 1 ? 72 : buffer.size.width - 4)
        let height = min(buffer.size.height - 2, rows + 3)
        let area = buffer.bounds.centered(width: width, height: height)
        buffer.fill(area, role: .dialog)
        let inner = Box(title: state.text(Strings.helpTitle), focused: true, style: border).render(into: &buffer, area: area)
        let columnWidth = inner.width / columns
        for column in 0..<columns {
            let slice = lines.dropFirst(column * rows).prefix(rows)
            let keyWidth = min(columns == 1 ? 28 : 18, slice.map { $0.keys.displayWidth }.max() ?? 10)
            let x = inner.x + column * columnWidth
            let clip = Rect(x: x, y: inner.y, width: columnWidth, height: inner.height)
            for (i, line) in slice.enumerated() where i < inner.height - 1 {
                buffer.put(line.keys.ellipsized(toWidth: keyWidth), x: x + 1, y: inner.y + i, role: .helpKey, clip: clip)
                buffer.put(line.label.ellipsized(toWidth: max(1, columnWidth - keyWidth - 3)), x: x + 2 + keyWidth,
                           y: inner.y + i, role: .dialog, clip: clip)
            }
        }
        buffer.put(state.text(Strings.helpClose), x: inner.x + 1, y: inner.maxY - 1, role: .muted, clip: inner)
    }
}
