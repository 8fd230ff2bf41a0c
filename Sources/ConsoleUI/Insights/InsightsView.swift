import ConsoleCore
import ScreenKit
import ServiceDomain

/// The comebacks and reports panels' views.
enum InsightsView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        PlannedPanel.render(state, into: &buffer, area: area, border: border)
    }
}
