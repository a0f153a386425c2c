import ShianWeb

/// The executable only boots; everything else lives in the ShianWeb library, which tests configure
/// with their own database.
@main
enum Entrypoint {
    static func main() async throws {
        try await ShianMain.run()
    }
}
