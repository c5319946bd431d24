import { Module } from '@nestjs/common';
import { ResourcesCommonModule } from 'src/resources/common/resources-common.module';
import { TagsController } from './tags.controller';
import { TagsService } from './tags.service';

@Module({
  imports: [ResourcesCommonModule],
  controllers: [TagsController],
  providers: [TagsService],
})
export class TagsModule {}
