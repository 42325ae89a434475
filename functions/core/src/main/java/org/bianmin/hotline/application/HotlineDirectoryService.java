package org.bianmin.hotline.application;

import java.util.Optional;
import org.bianmin.hotline.HotlineDirectory;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.model.Location;

/** The hotline's read port over its reference data: the taxonomy and the grids. */
public final class HotlineDirectoryService implements HotlineDirectory {

    private final Taxonomy taxonomy;
    private final GridRegistry grids;

    public HotlineDirectoryService(Taxonomy taxonomy, GridRegistry grids) {
        this.taxonomy = taxonomy;
        this.grids = grids;
    }

    @Override
    public Optional<String> gridAt(String address, String community, Double lat, Double lon) {
        return grids.locate(new Location(address, community, lat, lon)).map(grid -> grid.name());
    }

    @Override
    public boolean isCategory(String code) {
        return taxonomy.leaf(code).isPresent();
    }
}
