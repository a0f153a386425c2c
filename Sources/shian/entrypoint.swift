import Foundation
import ShianWeb

/// The executable only boots; everything else lives in the ShianWeb library, which tests configure
/// with their own database.
@main
enum Entrypoint {
    static func main() async {
        do {
            try await ShianMain.run()
        } catch {
            // Already reported through the logger; exit with a failure code instead of a crash dump.
            exit(1)
        }
    }
}
