import ConsoleCore
import ScreenKit
import ServiceDomain

/// The workshop panels' views.
enum WorkshopView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        PlannedPanel.render(state, into: &buffer, area: area, border: border)
    }
}
