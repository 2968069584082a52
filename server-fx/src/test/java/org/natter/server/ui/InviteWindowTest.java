package org.natter.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.natter.server.ui.FxWait.onFx;
import static org.natter.server.ui.FxWait.waitUntil;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.protocol.InviteLink;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The address bar's Invite and "Can others reach me?", headless, with a real server bound to loopback. */
@ExtendWith(ApplicationExtension.class)
class InviteWindowTest {

    @TempDir static Path dataDir;
    private AdminWindowFixture window;
    private ChatServer server;

    @Start
    void start(Stage stage) {
        window = AdminWindowFixture.show(stage, dataDir, new ChatServer(ServerSettings.defaults().withPort(0).toBuilder().bindAddress("127.0.0.1")
                .serverName("Room 12").build()));
        server = window.server;
    }

    @AfterEach
    void stopServer() throws Exception {
        window.close();
    }

    @Test
    void inviteShowsTheLinkItsQrCodeAndCopiesIt(FxRobot robot) throws Exception {
        int port = startServer(robot);

        robot.clickOn("#inviteButton");
        waitUntil(() -> robot.lookup("#inviteLink").tryQuery().isPresent());

        String link = onFx(() -> robot.lookup("#inviteLink").queryAs(TextField.class).getText());
        assertThat(link).isEqualTo("natter://127.0.0.1:" + port + "/?name=Room%2012");
        assertThat(InviteLink.parse(link)).isEqualTo(new InviteLink("127.0.0.1", port, null, "Room 12"));
        Image qr = onFx(() -> robot.lookup("#inviteQr").queryAs(ImageView.class).getImage());
        assertThat(decode(qr)).isEqualTo(link);

        robot.clickOn("#inviteCopy");
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(link);
    }

    @Test
    void aServerBoundToLoopbackIsToldOnlyThisComputerCanConnect(FxRobot robot) throws Exception {
        startServer(robot);

        robot.clickOn("#reachButton");

        waitUntil(() -> robot.lookup(".reach-advice").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup(".reach-advice").queryAs(Label.class).getText()))
                .startsWith("The server listens on 127.0.0.1 only: only this computer can connect.");
    }

    private int startServer(FxRobot robot) throws Exception {
        robot.clickOn("#startButton");
        waitUntil(() -> robot.lookup("#inviteButton").tryQuery().map(javafx.scene.Node::isVisible).orElse(false)
                && robot.lookup("#stateLabel").queryAs(Label.class).getText().startsWith("Running on port"));
        return server.port();
    }

    /** Reads the QR code back with ZXing's decoder, as a phone would. */
    private static String decode(Image image) throws Exception {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, pixels)))).getText();
    }
}
