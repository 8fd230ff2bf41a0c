import ConsoleCore
import ScreenKit

/// The `?`/F1 overlay: the key bindings of the mode the user is in, generated from the KeyMap, and
/// below them a legend of the marks and colours. When the keys are taller than the screen they flow
/// into a second column, so no binding is ever cut off; the legend spans the full width.
enum HelpOverlay {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, border: BorderStyle) {
        let lines = KeyMap.helpLines(for: state)
        let legend = Strings.legend.map { (sample: $0.sample, label: state.text($0.text), role: $0.role) }
        let maxRows = max(1, buffer.size.height - 2 - 3 - legend.count)
        let columns = lines.count > maxRows ? 2 : 1
        let rows = (lines.count + columns - 1) / columns
        let width = min(buffer.size.width - 4, columns == 1 ? 72 : buffer.size.width - 4)
        let height = min(buffer.size.height - 2, rows + legend.count + 3)
        let area = buffer.bounds.centered(width: width, height: height)
        buffer.fill(area, role: .dialog)
        let inner = Box(title: state.text(Strings.helpTitle), focused: true, style: border).render(into: &buffer, area: area)
        // Each column as wide as its longest line needs, so the panel's own (longer) help is not cut.
        let slices = (0..<columns).map { Array(lines.dropFirst($0 * rows).prefix(rows)) }
        let keyWidths = slices.map { slice in min(columns == 1 ? 28 : 18, slice.map { $0.keys.displayWidth }.max() ?? 10) }
        let needed = zip(slices, keyWidths).map { slice, keyWidth in keyWidth + 3 + (slice.map { $0.label.displayWidth }.max() ?? 0) }
        var widths = Array(repeating: inner.width / columns, count: columns)
        if columns == 2, needed[0] + needed[1] <= inner.width {
            widths = [inner.width - needed[1], needed[1]]
        } else if columns == 2, needed[1] < widths[1] {
            widths = [inner.width - needed[1], needed[1]]
        }
        var x = inner.x
        for (column, slice) in slices.enumerated() {
            let keyWidth = keyWidths[column]
            let columnWidth = widths[column]
            let clip = Rect(x: x, y: inner.y, width: columnWidth, height: inner.height)
            for (i, line) in slice.enumerated() where i < inner.height - 1 {
                buffer.put(line.keys.ellipsized(toWidth: keyWidth), x: x + 1, y: inner.y + i, role: .helpKey, clip: clip)
                buffer.put(line.label.ellipsized(toWidth: max(1, columnWidth - keyWidth - 3)), x: x + 2 + keyWidth,
                           y: inner.y + i, role: .dialog, clip: clip)
            }
            x += columnWidth
        }
        let sampleWidth = legend.map { $0.sample.displayWidth }.max() ?? 1
        for (i, item) in legend.enumerated() {
            let y = inner.y + rows + i
            guard y < inner.maxY - 1 else { break }
            buffer.put(item.sample, x: inner.x + 1, y: y, role: item.role, clip: inner)
            buffer.put(item.label.ellipsized(toWidth: max(1, inner.width - sampleWidth - 3)), x: inner.x + 2 + sampleWidth,
                       y: y, role: .dialog, clip: inner)
        }
        buffer.put(state.text(Strings.helpClose), x: inner.x + 1, y: inner.maxY - 1, role: .muted, clip: inner)
    }
}
