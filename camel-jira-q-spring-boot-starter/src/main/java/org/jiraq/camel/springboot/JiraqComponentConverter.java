package org.jiraq.camel.springboot;

import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Lets {@code camel.component.jiraq.*} name beans of the application for the options that take an object (a
 * DataSource, a token store, a polling position store, ...): {@code #bean:name} or {@code #name}, as in Camel's own
 * starters. The types are those of {@link JiraqComponentConfiguration}'s properties, so a new option is covered as soon
 * as the configuration class is regenerated.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class JiraqComponentConverter implements GenericConverter {

    private static final Set<ConvertiblePair> BEAN_TYPES = Arrays
            .stream(BeanUtils.getPropertyDescriptors(JiraqComponentConfiguration.class))
            .map(PropertyDescriptor::getPropertyType)
            .filter(JiraqComponentConverter::isBeanType)
            .map(type -> new ConvertiblePair(String.class, type))
            .collect(Collectors.toUnmodifiableSet());

    private final ApplicationContext applicationContext;

    public JiraqComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return BEAN_TYPES;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString();
        if (!reference.startsWith("#")) {
            return null;
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }

    /** Options whose values are objects of the application rather than text, numbers, enums or maps. */
    private static boolean isBeanType(Class<?> type) {
        return type != null && !BeanUtils.isSimpleValueType(type) && !Map.class.isAssignableFrom(type)
               && !type.getName().startsWith("org.apache.camel.spring.boot.");
    }
}
