package org.detainerlab.core.figure;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FigureRepository implements PanacheRepository<Figure> {
}
