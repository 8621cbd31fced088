package org.gongjian.ecology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongjian.audit.AuditLog;
import org.gongjian.ecology.engine.GepResult;
import org.gongjian.ecology.raster.Layer;
import org.gongjian.ecology.raster.RasterAccounting;
import org.gongjian.ecology.raster.RasterRequest;
import org.gongjian.ecology.raster.RasterResult;
import org.gongjian.organisation.Actor;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.UploadStore;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raster GEP accounts kept like stand accounts (ADR 0041, 0045): the layers are accounted, and the account, its
 * first version (a draft), the layers' names and SHA-256, the grid, the result (zone × forest type × service
 * totals, every parameter with its source) and the value maps are stored in one transaction. The maps go through
 * the shared {@link UploadStore}, which removes them again if the transaction rolls back, so a refusal or a
 * failure leaves no account row and no file. Written by the office and the forestry department, read by everyone
 * with {@code ecology:account:read}.
 */
@Service
@Transactional(readOnly = true)
public class RasterAccounts {

    static final String MAPS_FOLDER = "ecology/maps";

    private final GepAccounts accounts;
    private final AccountStore store;
    private final RasterStore rasters;
    private final UploadStore files;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    RasterAccounts(GepAccounts accounts, AccountStore store, RasterStore rasters, UploadStore files, AuditLog audit,
            JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.store = store;
        this.rasters = rasters;
        this.files = files;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A downloadable value map: the name it is saved under, its content type and content. */
    public record MapDownload(String fileName, String contentType, Resource content) {
    }

    /**
     * A new raster account with its first version, a draft, from layer files (see {@link RasterAccounting#layersIn});
     * refusals of the layers (another grid or CRS, a corrupt file, a missing layer) are field errors on
     * {@code layers}, and nothing is stored.
     */
    @Transactional
    public GepAccount create(String code, String name, @Nullable String note, RasterRequest request,
            Map<Layer, Path> layers, boolean demo) {
        Actor actor = accounts.requireNew(code, name);
        List<RasterVersion.LayerFile> read = new ArrayList<>();
        layers.forEach((layer, file) -> read.add(digest(layer, file)));
        Path maps = temporaryFolder();
        try {
            RasterResult r = accounts.evaluateRaster(request, layers, maps);
            GepResult result = r.result();
            Instant now = Instant.now(clock);
            long id = store.insertAccount(code, name.trim(), result.accountingYear(), GepAccount.Kind.RASTER, demo, now,
                    actor.username());
            int number = store.insertVersion(id, result.method(), json.writeValueAsString(request), result,
                    json.writeValueAsString(result), note, now, actor.username());
            GepAccount account = store.load(id);
            long versionId = account.version(number).id();
            rasters.insertGrid(versionId, r);
            read.forEach(l -> rasters.insertLayer(versionId, l));
            for (RasterResult.ValueMap m : r.maps()) {
                boolean png = RasterVersion.PREVIEW.equals(m.service());
                UploadStore.Kept kept = files.keep(MAPS_FOLDER, png ? "png" : "tif", new FileSystemResource(m.file()));
                rasters.insertMap(versionId, new RasterVersion.MapFile(m.service(), m.name(), kept.storageKey(),
                        kept.size(), kept.sha256()));
            }
            Map<String, Object> summary = GepAccounts.summary(account, account.latest());
            summary.put("grid", r.width() + "×" + r.height() + " " + r.crs());
            summary.put("layers", read.stream().map(l -> l.fileName() + " sha256:" + l.sha256()).toList());
            audit.created("ecology-account", code, summary);
            return account;
        } finally {
            RasterAccounting.deleteFolder(maps);
        }
    }

    /** A version's grid, layers and maps, or empty for a version computed from stands. */
    public Optional<RasterVersion> details(GepAccount.Version version) {
        return rasters.find(version.id(), layer -> Layer.valueOf(layer).zh());
    }

    /** The raster accounts, newest year first (for the raster page's list). */
    public List<GepAccount> all() {
        return accounts.list(Pageable.unpaged()).getContent().stream()
                .filter(a -> a.kind() == GepAccount.Kind.RASTER).toList();
    }

    /** A value map of a version: a service's GeoTIFF, the total's ({@code TOTAL}) or the PNG preview ({@code PREVIEW}). */
    public MapDownload map(String code, int number, String service) {
        GepAccount account = accounts.account(code);
        RasterVersion raster = details(account.version(number))
                .orElseThrow(() -> new NotFoundException("ecology.raster.not-raster", code));
        RasterVersion.MapFile m = raster.map(service)
                .orElseThrow(() -> new NotFoundException("ecology.raster.map-not-found", code, service));
        return new MapDownload(m.fileName(code, number), m.preview() ? "image/png" : "image/tiff",
                files.open(m.storageKey()));
    }

    private static RasterVersion.LayerFile digest(Layer layer, Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            byte[] sha = ((DigestInputStream) in).getMessageDigest().digest();
            return new RasterVersion.LayerFile(layer.name(), layer.zh(), file.getFileName().toString(), Files.size(file),
                    java.util.HexFormat.of().formatHex(sha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("gongjian-raster-maps-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
