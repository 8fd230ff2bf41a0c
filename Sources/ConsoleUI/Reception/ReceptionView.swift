import ConsoleCore
import ScreenKit
import ServiceDomain

/// The reception panels' views.
enum ReceptionView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        PlannedPanel.render(state, into: &buffer, area: area, border: border)
    }
}
