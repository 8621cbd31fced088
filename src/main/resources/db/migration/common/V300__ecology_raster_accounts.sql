-- Raster GEP accounts (issue 19, ADR 0045). An account is computed from forest inventories (STANDS) or from
-- GeoTIFF layers (RASTER); its versions stay the immutable versions of ADR 0041.
alter table ecology_account add column kind varchar(16) not null default 'STANDS';

-- The grid a raster version was computed on, and how many forest pixels counted or were skipped for NoData.
create table ecology_raster_version (
    version_id     bigint         not null primary key references ecology_account_version (id),
    width          integer        not null,
    height         integer        not null,
    crs            varchar(200)   not null,
    cell_area      numeric(20, 6) not null,
    forest_pixels  bigint         not null,
    skipped_pixels bigint         not null
);

-- The layers a raster version read: name, size and SHA-256 of each file (the files themselves are not kept).
create table ecology_raster_layer (
    version_id bigint       not null references ecology_account_version (id),
    layer      varchar(32)  not null,
    file_name  varchar(255) not null,
    size_bytes bigint       not null,
    sha256     varchar(64)  not null,
    primary key (version_id, layer)
);

-- Its value maps, kept in the data folder through the shared upload store: a GeoTIFF of 元 per cell for each
-- service and for the total (TOTAL), and the PNG preview with town boundaries and legend (PREVIEW).
create table ecology_raster_map (
    version_id  bigint       not null references ecology_account_version (id),
    service     varchar(64)  not null,
    name        varchar(200) not null,
    storage_key varchar(300) not null,
    size_bytes  bigint       not null,
    sha256      varchar(64)  not null,
    primary key (version_id, service)
);
