import ConsoleCore
import ScreenKit

/// The `?` overlay: every key binding with its help, generated from the KeyMap.
enum HelpOverlay {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, border: BorderStyle) {
        let lines = KeyMap.helpLines(for: state)
        let keyWidth = min(28, lines.map { $0.keys.displayWidth }.max() ?? 10)
        let width = min(buffer.size.width - 4, 72)
        let height = min(buffer.size.height - 2, lines.count + 4)
        let area = buffer.bounds.centered(width: width, height: height)
        buffer.fill(area, role: .dialog)
        let inner = Box(title: state.text(Strings.helpTitle), focused: true, style: border).render(into: &buffer, area: area)
        for (i, line) in lines.enumerated() where i < inner.height - 1 {
            buffer.put(line.keys.ellipsized(toWidth: keyWidth), x: inner.x + 1, y: inner.y + i, role: .helpKey, clip: inner)
            buffer.put(line.label, x: inner.x + 2 + keyWidth, y: inner.y + i, role: .dialog, clip: inner)
        }
        buffer.put(state.text(Strings.helpClose), x: inner.x + 1, y: inner.maxY - 1, role: .muted, clip: inner)
    }
}
